package dev.pitfall.semantic;

import dev.pitfall.ast.Located;

/** Textual order of nodes, for rules that ask whether one call comes earlier than another. */
public final class SourceOrder {
    private SourceOrder() {
    }

    /** True when {@code a} starts strictly before {@code b} (same start: false). */
    public static boolean startsBefore(Located a, Located b) {
        return a.lineno() < b.lineno() || a.lineno() == b.lineno() && a.col_offset() < b.col_offset();
    }
}
