package dev.pitfall.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, written on its class next to its logic. At compile time the rule index
 * processor turns every annotated class into an entry of the rule index, so a rule is registered by
 * existing: no list to update, no class-path scan at start-up. The class must be public, implement
 * {@link Rule} and have a public no-argument constructor.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable code, {@code PF} and three digits. Never reused for another meaning. */
    String code();

    /** Stable kebab-case name, accepted wherever a code is. */
    String name();

    /** One line, no final period, shown in lists. */
    String summary();

    /**
     * Markdown: what the rule finds, why it matters, a bad example and the fix (a Java text block
     * in the rule class).
     */
    String explanation();

    Severity severity();

    String[] tags() default {};

    /** SARIF precision: {@code very-high}, {@code high}, {@code medium} or {@code low}. */
    String precision() default "high";
}
