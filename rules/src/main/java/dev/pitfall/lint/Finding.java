package dev.pitfall.lint;

import dev.pitfall.source.TextRange;
import java.util.List;

/**
 * One problem found in one file. {@code range} is in the file's (for a notebook: the joined
 * code's) lines; reporters map notebook lines to cells with the file's NotebookMap.
 */
public record Finding(String path, String code, String name, Severity severity, String message,
        TextRange range, List<RelatedLocation> related) {

    /** A second place that belongs to the story of a finding, such as where data was split. */
    public record RelatedLocation(TextRange range, String message) {
    }
}
