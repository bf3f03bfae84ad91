package dev.pitfall.source;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a Python file or a notebook into a {@link SourceFile}, decoding Python source exactly as
 * CPython 3.13 does (PEP 263 coding cookies, PEP 3120 UTF-8 default, the UTF-8 BOM). Decoding is
 * strict: bytes that do not decode are an error, never silently replaced.
 */
public final class SourceReader {
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    /**
     * The most Python code one file may hold, not counting whitespace. Parsing needs a few hundred
     * bytes of memory per byte of dense code, so a larger file (always generated data, never
     * hand-written code) could exhaust a default-sized heap; it is reported instead. Whitespace
     * makes no tokens, so deep indentation does not count; nor do notebook outputs.
     */
    public static final int MAX_CODE_BYTES = 10 * 1024 * 1024;

    private SourceReader() {
    }

    /** Reads a file; {@code .ipynb} files are read as notebooks. */
    public static SourceFile read(Path file, String displayPath) throws SourceException {
        byte[] bytes;
        try {
            bytes = readPlainly(file);
        } catch (IOException | OutOfMemoryError e) {
            // java.io names the cause (missing, a directory, no permission) only in its message's
            // words, NIO's exceptions name it by their type; a file over 2 GB fails for want of an array.
            bytes = readExplainingFailure(file);
        }
        return decode(bytes, displayPath, isNotebookName(file));
    }

    /**
     * The file's bytes through {@code java.io}: a few calls down to the system's read, where
     * {@code Files.readAllBytes} goes through channels, a temporary direct buffer and a cleaner,
     * code that a short run executes interpreted (about 100 microseconds a file).
     */
    private static byte[] readPlainly(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    private static byte[] readExplainingFailure(Path file) throws SourceException {
        byte[] bytes;
        try {
            // One stat for both checks: each Files.isDirectory/exists/size call is a system call.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new SourceException("is a directory, not a file");
            }
            if (attributes.size() > Integer.MAX_VALUE - 16) {
                throw new SourceException("file too large to read (over 2 GB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceException("no such file");
        } catch (AccessDeniedException e) {
            throw new SourceException("permission denied");
        } catch (IOException e) {
            throw new SourceException("cannot read file: " + describe(e));
        }
        return bytes;
    }

    /** Decodes bytes that did not come from a named file, such as standard input. */
    public static SourceFile decode(byte[] bytes, String displayPath, boolean notebook)
            throws SourceException {
        if (notebook) {
            SourceFile cells = NotebookReader.read(bytes, displayPath);
            String text = cells.text();
            // Only text longer than the limit can hold more code than the limit: shorter files skip the count.
            if (text.length() > MAX_CODE_BYTES) {
                long code = 0;
                for (int i = 0; i < text.length(); i++) {
                    if (!isWhitespace(text.charAt(i))) {
                        code++;
                    }
                }
                if (code > MAX_CODE_BYTES) {
                    throw tooLarge(code);
                }
            }
            return cells;
        }
        if (bytes.length > MAX_CODE_BYTES) {
            long code = 0;
            for (byte b : bytes) {
                if (!isWhitespace(b)) {
                    code++;
                }
            }
            if (code > MAX_CODE_BYTES) {
                throw tooLarge(code);
            }
        }
        return new SourceFile(displayPath, SourceFile.normaliseNewlines(decodePython(bytes)), null);
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    private static SourceException tooLarge(long codeBytes) {
        return new SourceException(String.format(Locale.ROOT,
                "too large to lint: %.1f MB of Python code besides whitespace (the limit is %d MB)",
                codeBytes / (1024.0 * 1024.0), MAX_CODE_BYTES / (1024 * 1024)));
    }

    static boolean isNotebookName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    /** Decodes the bytes of a Python source file to text (line ends not yet normalised). */
    static String decodePython(byte[] bytes) throws SourceException {
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        String cookie = findCodingCookie(bytes, start);
        if (bom && cookie != null && !cookie.equals("utf-8")) {
            throw new SourceException("encoding problem: " + cookie + " with BOM");
        }
        rejectNullBytes(bytes, start);
        if (cookie == null || cookie.equals("utf-8")) {
            return decodeUtf8(bytes, start);
        }
        Charset charset = pythonCodec(cookie);
        if (charset == null && isWideUnicodeCodec(cookie)) {
            throw new SourceException("encoding problem: " + cookie
                    + " (a coding cookie cannot name an encoding that is not ASCII-compatible)");
        }
        if (charset == null) {
            throw new SourceException("unknown encoding: " + cookie);
        }
        return decodeStrictly(bytes, start, charset, cookie);
    }

    /**
     * The encoding named by a coding cookie on line 1, or on line 2 when line 1 holds only a
     * comment or whitespace; null when there is none. The name is normalised as CPython's
     * tokenizer normalises it (so "UTF_8" and "utf-8-sig" read as "utf-8").
     */
    static String findCodingCookie(byte[] bytes, int start) {
        int end1 = lineEnd(bytes, start);
        String spec = codingSpec(bytes, start, end1);
        if (spec != null || !isBlankOrComment(bytes, start, end1) || end1 >= bytes.length) {
            return spec;
        }
        return codingSpec(bytes, end1 + 1, lineEnd(bytes, end1 + 1));
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * The cookie of one line: the line must be a comment (only blanks before '#'), and the first
     * "coding" followed by ':' or '=', optional blanks and a non-empty run of [A-Za-z0-9-_.] names
     * the encoding. This is the Language Reference's regular expression
     * {@code ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)} restricted to ASCII, as CPython applies it.
     */
    private static String codingSpec(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to - 6 && bytes[i] != '#') {
            if (!isBlank(bytes[i])) {
                return null;
            }
            i++;
        }
        for (; i < to - 6; i++) {
            if (!startsWith(bytes, i, "coding") || (bytes[i + 6] != ':' && bytes[i + 6] != '=')) {
                continue;
            }
            int begin = i + 7;
            while (begin < to && (bytes[begin] == ' ' || bytes[begin] == '\t')) {
                begin++;
            }
            int end = begin;
            while (end < to && isEncodingNameByte(bytes[end])) {
                end++;
            }
            if (end > begin) {
                return normalEncodingName(new String(bytes, begin, end - begin, StandardCharsets.US_ASCII));
            }
        }
        return null;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\f';
    }

    private static boolean isEncodingNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.';
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankOrComment(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '#' || b == '\r') {
                return true;
            }
            if (!isBlank(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * CPython's tokenizer folds the spellings of UTF-8 and Latin-1 (looking at the first 12
     * characters, lower-cased, '_' read as '-') before anything else; other names stay as written,
     * which is also how they appear in its error messages.
     */
    static String normalEncodingName(String name) {
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < name.length() && i < 12; i++) {
            char c = name.charAt(i);
            folded.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        String buf = folded.toString();
        if (buf.equals("utf-8") || buf.startsWith("utf-8-")) {
            return "utf-8";
        }
        if (buf.equals("latin-1") || buf.equals("iso-8859-1") || buf.equals("iso-latin-1")
                || buf.startsWith("latin-1-") || buf.startsWith("iso-8859-1-") || buf.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return name;
    }

    /**
     * The Java charset for a Python codec name, looked up as Python's codec registry does: lower
     * case, runs of punctuation folded to '_', then its alias table. Null for codecs we cannot
     * decode source with (unknown names, and the non-ASCII-compatible UTF-16/32).
     */
    static Charset pythonCodec(String name) {
        String normalised = normaliseCodecName(name.toLowerCase(Locale.ROOT));
        String charset = PythonCodecs.TABLE.get(normalised);
        if (charset == null) {
            charset = PythonCodecs.TABLE.get(normalised.replace('.', '_'));
        }
        return charset == null ? null : Charset.forName(charset);
    }

    /** UTF-16 and UTF-32 under Python's names for them: CPython cannot read source in these. */
    private static boolean isWideUnicodeCodec(String name) {
        String normalised = normaliseCodecName(name.toLowerCase(Locale.ROOT)).replace("_", "");
        return normalised.startsWith("utf16") || normalised.startsWith("utf32")
                || normalised.startsWith("u16") || normalised.startsWith("u32");
    }

    /** Python's encodings.normalize_encoding: non-alphanumerics other than '.' become one '_'. */
    private static String normaliseCodecName(String name) {
        StringBuilder out = new StringBuilder();
        boolean punctuation = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (punctuation && out.length() > 0) {
                    out.append('_');
                }
                if (c < 0x80) {
                    out.append(c);
                }
                punctuation = false;
            } else {
                punctuation = true;
            }
        }
        return out.toString();
    }

    private static void rejectNullBytes(byte[] bytes, int start) throws SourceException {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int line = lineOf(bytes, i);
                throw new SourceException("source code cannot contain null bytes (line " + line + ")", line);
            }
        }
    }

    /**
     * The String constructor copies pure ASCII straight into a Latin-1 string and decodes the rest
     * in one loop: under C1 several times cheaper than a CharsetDecoder filling a CharBuffer whose
     * chars are then compressed into a String again. It replaces malformed bytes with U+FFFD
     * instead of failing, so text holding U+FFFD goes through the strict decoder, which tells a
     * genuine U+FFFD from an error and names the error.
     */
    private static String decodeUtf8(byte[] bytes, int start) throws SourceException {
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT_CHARACTER) < 0) {
            return text;
        }
        return decodeStrictly(bytes, start, StandardCharsets.UTF_8, "utf-8");
    }

    private static String decodeStrictly(byte[] bytes, int start, Charset charset, String codecName)
            throws SourceException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 16);
        CharBuffer out = CharBuffer.allocate(capacity);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError() && !result.isOverflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new SourceException(decodeErrorMessage(bytes, in.position(), charset, codecName),
                    lineOf(bytes, in.position()));
        }
        if (result.isOverflow()) {
            throw new SourceException("cannot decode file as " + codecName + ": decoded text too large");
        }
        out.flip();
        return out.toString();
    }

    private static String decodeErrorMessage(byte[] bytes, int position, Charset charset, String codecName) {
        int line = lineOf(bytes, position);
        int column = position - lineStart(bytes, position) + 1;
        String where = " (line " + line + ", column " + column + ")";
        String head = String.format("'%s' codec can't decode byte 0x%02x in position %d: ",
                codecName, bytes[position] & 0xFF, position);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "(unicode error) " + head + utf8ErrorReason(bytes, position) + where;
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            return head + "ordinal not in range(128)" + where;
        }
        boolean multibyte = charset.newEncoder().maxBytesPerChar() > 1;
        return head + (multibyte ? "illegal multibyte sequence" : "character maps to <undefined>") + where;
    }

    /** What {@link #utf8Check} says of a sequence that is not well-formed UTF-8. */
    static final int INVALID_START = -1;
    static final int TRUNCATED = -2;
    static final int INVALID_CONTINUATION = -3;

    /** Classifies an invalid UTF-8 sequence with the words of CPython's UTF-8 codec. */
    static String utf8ErrorReason(byte[] bytes, int position) {
        int check = utf8Check(bytes, position);
        return check == INVALID_START ? "invalid start byte"
                : check == TRUNCATED ? "unexpected end of data" : "invalid continuation byte";
    }

    /**
     * The length of the well-formed UTF-8 sequence that starts with the non-ASCII byte at
     * {@code position}, or why there is none: {@link #INVALID_START}, {@link #TRUNCATED} or
     * {@link #INVALID_CONTINUATION}. Strict: no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    static int utf8Check(byte[] bytes, int position) {
        int lead = bytes[position] & 0xFF;
        int continuations;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            if (lead == 0xE0) {
                secondLow = 0xA0;
            } else if (lead == 0xED) {
                secondHigh = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            if (lead == 0xF0) {
                secondLow = 0x90;
            } else if (lead == 0xF4) {
                secondHigh = 0x8F;
            }
        } else {
            return INVALID_START;
        }
        for (int k = 1; k <= continuations; k++) {
            if (position + k >= bytes.length) {
                return TRUNCATED;
            }
            int b = bytes[position + k] & 0xFF;
            int low = k == 1 ? secondLow : 0x80;
            int high = k == 1 ? secondHigh : 0xBF;
            if (b < low || b > high) {
                return INVALID_CONTINUATION;
            }
        }
        return continuations + 1;
    }

    /** 1-based line of a byte offset; CRLF, CR and LF each end a line, as for the tokenizer. */
    private static int lineOf(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(byte[] bytes, int position) {
        int i = position;
        while (i > 0 && bytes[i - 1] != '\n' && bytes[i - 1] != '\r') {
            i--;
        }
        return i;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * Python's codec names and their Java charsets, loaded at the first coding cookie: most files
     * have none, and loading the table cost the first file's read a few milliseconds.
     */
    private static final class PythonCodecs {
        static final Map<String, String> TABLE = load();

        private static Map<String, String> load() {
            Properties table = new Properties();
            try (InputStream in = SourceReader.class.getResourceAsStream("python-codecs.properties")) {
                if (in == null) {
                    throw new IllegalStateException("python-codecs.properties missing from the class path");
                }
                table.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot load python-codecs.properties", e);
            }
            Map<String, String> codecs = new HashMap<>();
            table.forEach((name, charset) -> codecs.put((String) name, (String) charset));
            return Map.copyOf(codecs);
        }
    }
}
