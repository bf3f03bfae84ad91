package dev.pitfall.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict (RFC 8259) pull reader over the UTF-8 bytes of a JSON document, made for
 * {@link NotebookReader}: the caller walks the objects and arrays it wants and skips the rest.
 *
 * <p>Why not Jackson: pitfall runs in a cold JVM, where reading 30 notebooks with jackson-core cost
 * about 55 ms of CPU per run (interpreting and C1-compiling its large parser methods, and the
 * BigDecimal class initialisation its parser base triggers). This reader is a few small methods;
 * it decodes only the strings asked for (field names are compared as bytes, skipped strings are
 * only validated) and reads no numbers but the one integer the caller wants.
 *
 * <p>Problems are {@link SourceException}s "invalid notebook JSON: WHAT (line L, column C)".
 * Lines are counted as Jackson did: CR, LF and CRLF each end a line. Columns are 1-based and count
 * characters (code points), not bytes. Arrays and objects may nest 1000 deep, as in Jackson, so
 * that hostile input cannot exhaust memory; nothing here recurses.
 */
final class JsonCursor {
    private static final String INVALID = "invalid notebook JSON: ";
    private static final int MAX_DEPTH = 1000;

    private final byte[] bytes;
    /** Where the document starts: after a UTF-8 byte order mark, which is no character of line 1. */
    private final int start;
    private int pos;
    /** The line of {@link #pos}; a string cannot hold a raw line break, so only whitespace moves it. */
    private int line = 1;
    /** A mark ({@link #mark()}) of each array or object entered and not yet closed, innermost last. */
    private long[] open = new long[16];
    private int depth;
    /** True right after '[' or '{', where a closing bracket may follow without a comma. */
    private boolean atFirstEntry;
    /** The current field name: bytes [nameStart, nameEnd) of the document, escapes undecoded. */
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;
    /** Whether the string {@link #scanString()} last scanned holds an escape. */
    private boolean stringEscaped;

    JsonCursor(byte[] bytes) throws SourceException {
        this.bytes = bytes;
        boolean utf8Bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        start = utf8Bom ? 3 : 0;
        pos = start;
        if (!utf8Bom && bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0 || (bytes[0] & 0xFE) == 0xFE)) {
            // JSON begins with an ASCII character; a zero byte or a UTF-16 byte order mark means UTF-16 or -32.
            throw new SourceException(INVALID + "the file is not UTF-8 (UTF-16 or UTF-32?)");
        }
    }

    /** True when only whitespace is left. */
    boolean atEnd() {
        return skipWhitespace() < 0;
    }

    /** The line of the current position: after {@link #valueKind()}, the line where the value starts. */
    int line() {
        return line;
    }

    /** The current position (line and offset), for {@link #problemAt}. */
    long mark() {
        return (long) line << 32 | pos;
    }

    /**
     * Moves to the next value and names its kind by its first character: '{', '[', '"', 't', 'f',
     * 'n', or '0' for any number. The value itself is not consumed.
     */
    int valueKind() throws SourceException {
        int c = skipWhitespace();
        switch (c) {
            case '{', '[', '"', 't', 'f', 'n':
                return c;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                return '0';
            default:
                throw syntax("expecting a value, found " + found());
        }
    }

    /** Enters the object or array the cursor is at ({@link #valueKind()} said '{' or '['). */
    void enter() throws SourceException {
        if (depth == MAX_DEPTH) {
            throw syntax("arrays and objects nested more than " + MAX_DEPTH + " deep");
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = mark();
        pos++;
        atFirstEntry = true;
    }

    /**
     * Moves to the next field of the object entered last, reading its name and the colon: true with
     * the cursor before the field's value, or false when the object has ended (its '}' consumed).
     */
    boolean nextField() throws SourceException {
        if (!nextEntry('}')) {
            return false;
        }
        if (skipWhitespace() != '"') {
            throw syntax("expecting a field name in double quotes, found " + found());
        }
        nameStart = pos + 1;
        nameEnd = scanString();
        nameEscaped = stringEscaped;
        if (skipWhitespace() != ':') {
            throw syntax("expecting ':' after a field name, found " + found());
        }
        pos++;
        return true;
    }

    /** Moves to the next element of the array entered last: true before it, false when the array has ended. */
    boolean nextElement() throws SourceException {
        return nextEntry(']');
    }

    private boolean nextEntry(char close) throws SourceException {
        int c = skipWhitespace();
        boolean first = atFirstEntry;
        atFirstEntry = false;
        if (c == close) {
            pos++;
            depth--;
            return false;
        }
        if (c < 0) {
            long opened = open[depth - 1];
            throw syntax("the file ends inside the " + (close == '}' ? "object" : "array") + " opened at "
                    + lineAndColumn((int) (opened >>> 32), (int) opened));
        }
        if (first) {
            return true;
        }
        if (c == ',') {
            pos++;
            return true;
        }
        throw syntax("expecting ',' or '" + close + "', found " + found());
    }

    /** Whether the current field's name is {@code name} (ASCII), compared without decoding it. */
    boolean fieldIs(String name) {
        if (nameEscaped) {
            return fieldName().equals(name);
        }
        if (nameEnd - nameStart != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (bytes[nameStart + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String fieldName() {
        return decode(nameStart, nameEnd, nameEscaped);
    }

    /** Reads the string value the cursor is at ({@link #valueKind()} said '"'). */
    String readString() throws SourceException {
        int start = pos + 1;
        int end = scanString();
        return decode(start, end, stringEscaped);
    }

    /** Reads any value: the integer it is if it is an integer number (without fraction or exponent), else null. */
    Integer readInteger() throws SourceException {
        if (valueKind() != '0') {
            skipValue();
            return null;
        }
        long number = mark();
        int start = pos;
        if (!scanNumber()) {
            return null;
        }
        // Summed here rather than by Integer.parseInt, whose String it would take is made nowhere else.
        boolean negative = bytes[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < pos; i++) {
            value = value * 10 + bytes[i] - '0';
            if (value > Integer.MAX_VALUE + (negative ? 1L : 0L)) {
                String digits = new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1);
                throw problemAt(INVALID + "the integer " + digits + " is out of range", number);
            }
        }
        return (int) (negative ? -value : value);
    }

    /** Skips the value the cursor is before, however deeply nested, without recursion. */
    void skipValue() throws SourceException {
        int outer = depth;
        skipScalarOrEnter();
        while (depth > outer) {
            boolean more = bytes[(int) open[depth - 1]] == '{' ? nextField() : nextElement();
            if (more) {
                skipScalarOrEnter();
            }
        }
    }

    private void skipScalarOrEnter() throws SourceException {
        switch (valueKind()) {
            case '{', '[' -> enter();
            case '"' -> scanString();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> scanNumber();
        }
    }

    private void literal(String word) throws SourceException {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= bytes.length || bytes[pos + i] != word.charAt(i)) {
                throw syntax("expecting '" + word + "'");
            }
        }
        pos += word.length();
    }

    /** Consumes a number; true if it is an integer (no fraction, no exponent). */
    private boolean scanNumber() throws SourceException {
        if (bytes[pos] == '-') {
            pos++;
        }
        if (at(pos) == '0') {
            pos++;
            if (isDigit(at(pos))) {
                throw syntax("a number cannot start with 0 followed by digits");
            }
        } else {
            digits("a digit");
        }
        boolean integer = true;
        if (at(pos) == '.') {
            pos++;
            digits("a digit after the decimal point");
            integer = false;
        }
        if (at(pos) == 'e' || at(pos) == 'E') {
            pos++;
            if (at(pos) == '+' || at(pos) == '-') {
                pos++;
            }
            digits("a digit in the exponent");
            integer = false;
        }
        return integer;
    }

    private void digits(String expected) throws SourceException {
        if (!isDigit(at(pos))) {
            throw syntax("expecting " + expected + ", found " + found());
        }
        while (isDigit(at(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The byte at {@code i} (0 to 255), or -1 past the end. */
    private int at(int i) {
        return i < bytes.length ? bytes[i] & 0xFF : -1;
    }

    /**
     * Consumes the string at the cursor, checking its escapes and UTF-8, and returns the offset of
     * its closing quote; {@link #stringEscaped} tells whether it holds an escape.
     */
    private int scanString() throws SourceException {
        boolean escaped = false;
        int i = pos + 1;
        while (true) {
            int c = at(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                i++;
            } else if (c == '"') {
                break;
            } else if (c == '\\') {
                escaped = true;
                i = checkEscape(i);
            } else if (c >= 0x80) {
                i = checkUtf8(i);
            } else {
                pos = i;
                throw syntax(c < 0 ? "the file ends inside a string" : "a control character (" + codePoint(c)
                        + ") must be escaped in a string");
            }
        }
        stringEscaped = escaped;
        pos = i + 1;
        return i;
    }

    /** Checks the escape at {@code i} (a backslash) and returns the offset after it. */
    private int checkEscape(int i) throws SourceException {
        switch (at(i + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 2;
            case 'u':
                if (hexValue(i + 2) < 0) {
                    pos = i;
                    throw syntax("expecting four hex digits after \\u");
                }
                return i + 6;
            default:
                pos = i + 1;
                throw syntax(pos < bytes.length ? "invalid escape: a backslash followed by " + found()
                        : "the file ends inside a string");
        }
    }

    /** The value of the four hex digits at {@code i}, or -1 if they are not four hex digits. */
    private int hexValue(int i) {
        if (i + 4 > bytes.length) {
            return -1;
        }
        int value = 0;
        for (int k = i; k < i + 4; k++) {
            int digit = Character.digit(bytes[k], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * Checks the UTF-8 sequence starting with the non-ASCII byte at {@code i} and returns the offset
     * after it. Strict: no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    private int checkUtf8(int i) throws SourceException {
        int length = SourceReader.utf8Check(bytes, i);
        if (length < 0) {
            pos = i;
            throw syntax("invalid UTF-8 (byte " + hexByte(bytes[i] & 0xFF) + ")");
        }
        return i + length;
    }

    /** The text of a scanned string's content, bytes [start, end), with its escapes decoded if it has any. */
    private String decode(int start, int end, boolean escaped) {
        if (!escaped) {
            return new String(bytes, start, end - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(end - start);
        int run = start;
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\\') {
                text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
                char escape = (char) bytes[++i];
                switch (escape) {
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        // As in Jackson, each escape is one UTF-16 unit: a pair makes one code point, a lone surrogate stays.
                        text.append((char) hexValue(i + 1));
                        i += 4;
                    }
                    default -> text.append(escape);
                }
                run = i + 1;
            }
        }
        return text.append(new String(bytes, run, end - run, StandardCharsets.UTF_8)).toString();
    }

    /** Skips JSON whitespace, counting lines, and returns the next byte or -1 at the end. */
    private int skipWhitespace() {
        while (pos < bytes.length) {
            int c = bytes[pos] & 0xFF;
            if (c == '\n' || c == '\r' && (pos + 1 == bytes.length || bytes[pos + 1] != '\n')) {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** Describes what stands at the cursor, for a message. */
    private String found() {
        int c = at(pos);
        if (c < 0) {
            return "the end of the file";
        }
        if (c >= 0x80) {
            return "byte " + hexByte(c);
        }
        return c > ' ' && c < 0x7F ? "'" + (char) c + "'" : codePoint(c);
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static String hexByte(int b) {
        return String.format("0x%02X", b);
    }

    private SourceException syntax(String what) {
        return problem(INVALID + what);
    }

    /** The message with the current line and column appended (after {@link #valueKind()}: the value's). */
    SourceException problem(String message) {
        return problemAt(message, mark());
    }

    /** The message with the line and column of the mark appended, as a SourceException on that line. */
    SourceException problemAt(String message, long mark) {
        int markLine = (int) (mark >>> 32);
        return new SourceException(message + " (" + lineAndColumn(markLine, (int) mark) + ")", markLine);
    }

    private String lineAndColumn(int markLine, int offset) {
        int column = 1;
        for (int i = offset - 1; i >= start && bytes[i] != '\n' && bytes[i] != '\r'; i--) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return "line " + markLine + ", column " + column;
    }
}
