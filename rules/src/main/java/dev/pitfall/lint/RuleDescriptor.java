package dev.pitfall.lint;

import java.util.List;

/**
 * What users and reporters see of a rule: its stable code and kebab-case name (both accepted in
 * configuration and {@code # noqa}), a one-line summary, the Markdown explanation (what it does,
 * why it matters, a bad example, the fix), default severity, tags and SARIF precision
 * ({@code very-high}, {@code high}, {@code medium} or {@code low}).
 */
public record RuleDescriptor(String code, String name, String summary, String explanation,
        Severity defaultSeverity, List<String> tags, String precision) {
}
