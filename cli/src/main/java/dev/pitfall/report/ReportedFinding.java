package dev.pitfall.report;

import dev.pitfall.lint.Finding;
import java.util.List;

/**
 * A finding as reporters need it once its file is done: the finding (severity already as
 * configured), an excerpt of its first line ({@code excerpt} starts at the 0-based UTF-16 index
 * {@code excerptStart} of the line: long lines, such as minified code, are cut around the finding),
 * notebook positions of it and of each related location (null for plain files) and its
 * location-independent fingerprint (null in runs whose output shows none: see
 * {@link Reporter#showsFingerprints()}).
 */
public record ReportedFinding(Finding finding, String excerpt, int excerptStart, NotebookPosition notebook,
        List<NotebookPosition> relatedNotebook, String fingerprint) {
}
