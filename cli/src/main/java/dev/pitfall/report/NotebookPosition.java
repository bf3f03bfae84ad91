package dev.pitfall.report;

/**
 * Where a range of a notebook's joined code lies for people (cell number, 1-based over all
 * cells; 1-based line within the cell) and in the .ipynb file (lines of the JSON document).
 */
public record NotebookPosition(int cell, int cellLine, int cellEndLine, int ipynbStartLine, int ipynbEndLine) {
}
