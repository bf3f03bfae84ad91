package dev.pitfall.lint;

import java.util.List;

/** Everything linting one file produced. Findings are in source order. */
public record LintResult(List<Finding> findings, List<Diagnostic> diagnostics) {
}
