package dev.pitfall.parser;

import org.antlr.v4.runtime.Token;

/**
 * Converts ANTLR token positions (lines, and columns in code points) to CPython's positions, whose
 * columns count UTF-8 bytes. Pure-ASCII lines, the vast majority, are converted for free.
 */
final class Positions {
    private final String text;
    private final int[] lineStarts;
    private final boolean[] asciiLine;
    private final boolean ascii;
    private Token lastMultiline;
    private int lastEndLine;
    private int lastEndColumn;

    /** {@code ascii}: whether every character of {@code text} is ASCII. */
    Positions(String text, boolean ascii) {
        this.text = text;
        this.ascii = ascii;
        if (ascii) {
            lineStarts = null;
            asciiLine = null;
            return;
        }
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        lineStarts = new int[lines];
        asciiLine = new boolean[lines];
        int line = 0;
        boolean lineIsAscii = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                asciiLine[line] = lineIsAscii;
                lineStarts[++line] = i + 1;
                lineIsAscii = true;
            } else if (c >= 0x80) {
                lineIsAscii = false;
            }
        }
        asciiLine[line] = lineIsAscii;
    }

    /** The UTF-8 byte column of the code-point column {@code column} on 1-based {@code line}. */
    int byteColumn(int line, int column) {
        if (lineStarts == null || line < 1 || line > lineStarts.length || asciiLine[line - 1]) {
            return column;
        }
        int i = lineStarts[line - 1];
        int bytes = 0;
        for (int n = 0; n < column && i < text.length(); n++) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** The 0-based code-point column of UTF-8 byte column {@code byteColumn}, for error messages. */
    int charColumn(int line, int byteColumn) {
        if (lineStarts == null || line < 1 || line > lineStarts.length || asciiLine[line - 1]) {
            return byteColumn;
        }
        int i = lineStarts[line - 1];
        int bytes = 0;
        int column = 0;
        while (bytes < byteColumn && i < text.length()) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
            column++;
        }
        return column;
    }

    /** True when the source has no character outside ASCII. */
    boolean isAsciiSource() {
        return ascii;
    }

    String text() {
        return text;
    }

    int startLine(Token token) {
        return token.getLine();
    }

    int startColumn(Token token) {
        return byteColumn(token.getLine(), token.getCharPositionInLine());
    }

    int endLine(Token token) {
        if (!maySpanLines(token)) {
            return token.getLine();
        }
        measure(token);
        return lastEndLine;
    }

    int endColumn(Token token) {
        if (!maySpanLines(token)) {
            int column = token.getCharPositionInLine() + (token.getStopIndex() - token.getStartIndex() + 1);
            return byteColumn(token.getLine(), column);
        }
        measure(token);
        return lastEndColumn;
    }

    /** Finds where a token that may contain newlines (a string) ends; the last answer is kept. */
    private void measure(Token token) {
        if (token == lastMultiline) {
            return;
        }
        int line = token.getLine();
        int lastNewline = -1;
        if (ascii) {
            // Code-point indices equal char indices: scan the source without copying the token.
            int stop = token.getStopIndex();
            for (int i = token.getStartIndex(); i <= stop; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lastNewline = i;
                }
            }
            lastEndLine = line;
            lastEndColumn = lastNewline < 0 ? token.getCharPositionInLine() + stop - token.getStartIndex() + 1
                    : stop - lastNewline;
        } else {
            String tokenText = token.getText();
            for (int i = tokenText.indexOf('\n'); i >= 0; i = tokenText.indexOf('\n', i + 1)) {
                line++;
                lastNewline = i;
            }
            int codePoints = lastNewline < 0
                    ? token.getCharPositionInLine() + tokenText.codePointCount(0, tokenText.length())
                    : tokenText.codePointCount(lastNewline + 1, tokenText.length());
            lastEndLine = line;
            lastEndColumn = byteColumn(line, codePoints);
        }
        lastMultiline = token;
    }

    private static boolean maySpanLines(Token token) {
        int type = token.getType();
        return type == PythonLexer.STRING || type == PythonLexer.FSTRING_MIDDLE;
    }
}
