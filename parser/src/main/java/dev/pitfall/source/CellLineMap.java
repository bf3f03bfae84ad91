package dev.pitfall.source;

import java.util.Arrays;

/**
 * The {@link NotebookMap} of one notebook: three numbers per line of the joined code. A line past
 * the end (such as the line a syntax error at end of file points at) maps like the last line; in a
 * notebook without code every lookup gives 0.
 */
final class CellLineMap implements NotebookMap {
    private int[] cells = new int[64];
    private int[] linesInCell = new int[64];
    private int[] ipynbLines = new int[64];
    private int size;

    void add(int cell, int lineInCell, int ipynbLine) {
        if (size == cells.length) {
            cells = Arrays.copyOf(cells, size * 2);
            linesInCell = Arrays.copyOf(linesInCell, size * 2);
            ipynbLines = Arrays.copyOf(ipynbLines, size * 2);
        }
        cells[size] = cell;
        linesInCell[size] = lineInCell;
        ipynbLines[size] = ipynbLine;
        size++;
    }

    int size() {
        return size;
    }

    private int index(int line) {
        return Math.max(0, Math.min(line, size) - 1);
    }

    @Override
    public int cellNumber(int line) {
        return size == 0 ? 0 : cells[index(line)];
    }

    @Override
    public int lineInCell(int line) {
        return size == 0 ? 0 : linesInCell[index(line)];
    }

    @Override
    public int ipynbLine(int line) {
        return size == 0 ? 0 : ipynbLines[index(line)];
    }
}
