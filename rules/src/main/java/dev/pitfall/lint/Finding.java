package dev.pitfall.lint;

import dev.pitfall.source.TextRange;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found in one file. {@code range} is in the file's (for a notebook: the joined
 * code's) lines; reporters map notebook lines to cells with the file's NotebookMap.
 */
public record Finding(String path, String code, String name, Severity severity, String message,
        TextRange range, List<RelatedLocation> related) {

    /**
     * Reading order: by range, then code and message, so that equal runs print identically. One
     * method rather than a chain of Comparator.comparing: every comparison of that chain goes
     * through six comparator objects, and its lambdas are serialisable, which the JVM's class
     * cache cannot keep, so each run would generate them anew.
     */
    public static final Comparator<Finding> SOURCE_ORDER = Finding::compareInSourceOrder;

    private static int compareInSourceOrder(Finding a, Finding b) {
        TextRange x = a.range();
        TextRange y = b.range();
        int order = Integer.compare(x.startLine(), y.startLine());
        if (order == 0) {
            order = Integer.compare(x.startColumn(), y.startColumn());
        }
        if (order == 0) {
            order = Integer.compare(x.endLine(), y.endLine());
        }
        if (order == 0) {
            order = Integer.compare(x.endColumn(), y.endColumn());
        }
        if (order == 0) {
            order = a.code().compareTo(b.code());
        }
        return order != 0 ? order : a.message().compareTo(b.message());
    }

    /** A second place that belongs to the story of a finding, such as where data was split. */
    public record RelatedLocation(TextRange range, String message) {
    }
}
