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

    /** Reading order: by range, then code and message, so that equal runs print identically. */
    public static final Comparator<Finding> SOURCE_ORDER = Comparator
            .comparingInt((Finding f) -> f.range().startLine())
            .thenComparingInt(f -> f.range().startColumn())
            .thenComparingInt(f -> f.range().endLine())
            .thenComparingInt(f -> f.range().endColumn())
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    /** A second place that belongs to the story of a finding, such as where data was split. */
    public record RelatedLocation(TextRange range, String message) {
    }
}
