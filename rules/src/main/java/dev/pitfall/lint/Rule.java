package dev.pitfall.lint;

/**
 * One rule. A new instance is made for every file, so a rule may keep state about the file it is
 * looking at in its fields. Its metadata is its {@link RuleInfo} annotation.
 */
public interface Rule {
    /** Declares the node kinds this rule wants to see and, if needed, what to do after the walk. */
    void register(Dispatch dispatch);
}
