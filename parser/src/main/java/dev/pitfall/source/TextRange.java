package dev.pitfall.source;

/**
 * A range of source text as people and SARIF count it: 1-based lines, 1-based columns in UTF-16
 * code units (SARIF's default {@code columnKind}), end column exclusive.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {
}
