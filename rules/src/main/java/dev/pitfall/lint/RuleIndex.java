package dev.pitfall.lint;

import java.util.List;
import java.util.function.Supplier;

/** The rules compiled into pitfall, in code order; written at compile time by the processor. */
final class RuleIndex {
    private RuleIndex() {
    }

    record Entry(RuleDescriptor descriptor, Supplier<Rule> factory) {
    }

    private static final List<Entry> ENTRIES = GeneratedRuleIndex.entries();

    static List<Entry> entries() {
        return ENTRIES;
    }
}
