package dev.pitfall.source;

import dev.pitfall.ast.Located;
import java.util.Arrays;

/**
 * The decoded text of one file, ready to lex. Line ends are normalised to {@code \n} as CPython's
 * tokenizer does, which keeps every line number and column of the original file. For a notebook
 * the text is its code cells joined in document order, and {@link #notebook()} maps lines back.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final NotebookMap notebook;
    private final int[] lineStarts;

    public SourceFile(String path, String text, NotebookMap notebook) {
        this.path = path;
        this.text = text;
        this.notebook = notebook;
        this.lineStarts = computeLineStarts(text);
    }

    public static SourceFile ofText(String path, String text) {
        return new SourceFile(path, normaliseNewlines(text), null);
    }

    /** CRLF and lone CR become LF, so that positions agree with CPython's tokenizer. */
    public static String normaliseNewlines(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /** The path as given by the user, used in every message about this file. */
    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public boolean isNotebook() {
        return notebook != null;
    }

    /** The cell map of a notebook, or null for a plain Python file. */
    public NotebookMap notebook() {
        return notebook;
    }

    /** Number of lines; a trailing newline does not start a further line. */
    public int lineCount() {
        int count = lineStarts.length;
        if (count > 1 && lineStarts[count - 1] == text.length()) {
            count--;
        }
        return count;
    }

    /** The text of a 1-based line, without its line end; empty past the end of the file. */
    public String line(int lineno) {
        if (lineno < 1 || lineno > lineStarts.length) {
            return "";
        }
        int start = lineStarts[lineno - 1];
        int end = lineno < lineStarts.length ? lineStarts[lineno] - 1 : text.length();
        return text.substring(start, Math.max(start, end));
    }

    /** The char offset in {@link #text()} where a 1-based line starts. */
    public int lineStartOffset(int lineno) {
        if (lineno < 1) {
            return 0;
        }
        return lineno > lineStarts.length ? text.length() : lineStarts[lineno - 1];
    }

    /** Converts a 0-based UTF-8 byte column (CPython's col_offset) to a 0-based UTF-16 column. */
    public int utf16Column(int lineno, int utf8Column) {
        int start = lineStartOffset(lineno);
        int end = lineno < lineStarts.length ? lineStarts[lineno] : text.length();
        int bytes = 0;
        int i = start;
        while (i < end && bytes < utf8Column) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return i - start;
    }

    /** Converts a 0-based UTF-16 column to a 0-based UTF-8 byte column (CPython's col_offset). */
    public int utf8Column(int lineno, int utf16Column) {
        int start = lineStartOffset(lineno);
        int end = Math.min(start + utf16Column, text.length());
        int bytes = 0;
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** The range a node covers, for findings and reports. */
    public TextRange range(Located node) {
        return new TextRange(node.lineno(), utf16Column(node.lineno(), node.col_offset()) + 1,
                node.end_lineno(), utf16Column(node.end_lineno(), node.end_col_offset()) + 1);
    }
}
