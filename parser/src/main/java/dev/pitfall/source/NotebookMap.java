package dev.pitfall.source;

/**
 * Maps a line of a notebook's joined code (as in {@link SourceFile#text()}) back to its cell and
 * to the line of the {@code .ipynb} file that holds it.
 */
public interface NotebookMap {
    /** Cell number, 1-based over all cells of the notebook (markdown cells included). */
    int cellNumber(int line);

    /** 1-based line within that cell. */
    int lineInCell(int line);

    /** 1-based line in the .ipynb file where that source line is stored. */
    int ipynbLine(int line);
}
