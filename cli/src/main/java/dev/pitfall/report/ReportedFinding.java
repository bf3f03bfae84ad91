package dev.pitfall.report;

import dev.pitfall.lint.Finding;
import java.util.List;

/**
 * A finding as reporters need it once its file is done: the finding (severity already as
 * configured), the text of its first line, notebook positions of it and of each related location
 * (null for plain files) and its location-independent fingerprint.
 */
public record ReportedFinding(Finding finding, String sourceLine, NotebookPosition notebook,
        List<NotebookPosition> relatedNotebook, String fingerprint) {
}
