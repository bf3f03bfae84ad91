package dev.pitfall.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding as PEP 263 / PEP 3120 specify it and as CPython 3.13 behaves. Every expectation was
 * checked by running the same bytes through {@code compile()} or {@code python3 FILE}.
 */
class SourceReaderTest {
    /** Bytes from text where {@code \xNN} stands for one raw byte and every other char is ASCII. */
    private static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\' && i + 3 < spec.length() && spec.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(spec.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static String decode(String spec) throws SourceException {
        return SourceReader.decode(bytes(spec), "t.py", false).text();
    }

    private static String error(String spec) {
        return assertThrows(SourceException.class, () -> decode(spec)).getMessage();
    }

    @Test
    void utf8IsTheDefault() throws SourceException {
        assertEquals("x = '\u00e9\u20ac\ud83d\ude00'\n", decode("x = '\\xc3\\xa9\\xe2\\x82\\xac\\xf0\\x9f\\x98\\x80'\n"));
    }

    @Test
    void utf8BomIsStripped() throws SourceException {
        assertEquals("x = '\u00e9'\n", decode("\\xef\\xbb\\xbfx = '\\xc3\\xa9'\n"));
    }

    @Test
    void bomWithUtf8CookieInAnySpellingThatFoldsToUtf8() throws SourceException {
        assertEquals("# coding: utf-8\nx=1\n", decode("\\xef\\xbb\\xbf# coding: utf-8\nx=1\n"));
        assertEquals("# coding: UTF_8\nx=1\n", decode("\\xef\\xbb\\xbf# coding: UTF_8\nx=1\n"));
        assertEquals("# coding: utf-8-sig\nx=1\n", decode("\\xef\\xbb\\xbf# coding: utf-8-sig\nx=1\n"));
    }

    @Test
    void bomContradictingTheCookieIsAnError() {
        assertEquals("encoding problem: iso-8859-1 with BOM", error("\\xef\\xbb\\xbf# coding: latin-1\nx=1\n"));
        // CPython folds only utf-8 spellings with '-' or '_'; "utf8" stays as written and clashes.
        assertEquals("encoding problem: utf8 with BOM", error("\\xef\\xbb\\xbf# coding: utf8\nx=1\n"));
    }

    @Test
    void cookieOnLineOne() throws SourceException {
        assertEquals("# -*- coding: latin-1 -*-\nx = '\u00e9'\n", decode("# -*- coding: latin-1 -*-\nx = '\\xe9'\n"));
        assertEquals("# coding=cp1252\nx = '\u20ac'\n", decode("# coding=cp1252\nx = '\\x80'\n"));
        assertEquals("#coding:euc-jp\nx = '\u3042'\n", decode("#coding:euc-jp\nx = '\\xa4\\xa2'\n"));
        assertEquals("# coding: mac-roman\nx = '\u00e9'\n", decode("# coding: mac-roman\nx = '\\x8e'\n"));
    }

    @Test
    void cookieOnLineTwoAfterACommentOrBlankLine() throws SourceException {
        assertEquals("#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = '\u00e9'\n",
                decode("#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\nx = '\\xe9'\n"));
        assertEquals("\n# coding: latin-1\nx = '\u00e9'\n", decode("\n# coding: latin-1\nx = '\\xe9'\n"));
        // A cookie with an empty name does not count, so line 2 is still looked at.
        assertEquals("#coding:\n# coding: latin-1\nx = '\u00e9'\n", decode("#coding:\n# coding: latin-1\nx = '\\xe9'\n"));
    }

    @Test
    void cookieOnLineTwoAfterCodeIsIgnored() {
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 27: "
                + "invalid continuation byte (line 3, column 6)", error("x=1\n# coding: latin-1\nx = '\\xe9'\n"));
    }

    @Test
    void cookieOnLineThreeIsIgnored() {
        assertTrue(error("#!python\n\n# coding: latin-1\nx = '\\xe9'\n").startsWith("(unicode error) 'utf-8' codec"));
    }

    @Test
    void cookieMustBeInACommentOnlyLine() {
        assertTrue(error("x = 1  # coding: latin-1\ny = '\\xe9'\n").startsWith("(unicode error) 'utf-8' codec"));
    }

    @Test
    void cookieMayFollowBlanksAndFormFeeds() throws SourceException {
        assertEquals("  \f # foo coding=latin-1\nx = '\u00e9'\n", decode("  \f # foo coding=latin-1\nx = '\\xe9'\n"));
    }

    @Test
    void firstCookieWithANameWins() throws SourceException {
        assertEquals("#coding: # coding: latin-1\nx = '\u00e9'\n", decode("#coding: # coding: latin-1\nx = '\\xe9'\n"));
    }

    @Test
    void encodingNamesAreNormalisedAsPythonDoes() throws SourceException {
        assertEquals("iso-8859-1", SourceReader.normalEncodingName("Latin_1"));
        assertEquals("iso-8859-1", SourceReader.normalEncodingName("latin-1-foo"));
        assertEquals("iso-8859-1", SourceReader.normalEncodingName("ISO-8859-1"));
        assertEquals("utf-8", SourceReader.normalEncodingName("utf-8-sig"));
        assertEquals("utf8", SourceReader.normalEncodingName("utf8"));
        assertEquals("windows-1252", SourceReader.pythonCodec("CP1252").name());
        assertEquals("windows-1252", SourceReader.pythonCodec("windows_1252").name());
        assertEquals("UTF-8", SourceReader.pythonCodec("utf8").name());
        assertEquals("UTF-8", SourceReader.pythonCodec("U8").name());
        assertEquals("US-ASCII", SourceReader.pythonCodec("us-ascii").name());
        assertEquals("ISO-8859-15", SourceReader.pythonCodec("latin9").name());
        assertEquals("x = '\u00e9'\n", decode("# coding: utf8\nx = '\\xc3\\xa9'\n").substring(15));
    }

    @Test
    void everyCharsetInTheCodecTableExistsInThisJvm() {
        for (String name : new String[] {"utf_8", "latin_1", "ascii", "cp1252", "shift_jis", "gb18030", "koi8_r",
                "mac_roman", "big5", "euc_kr", "cp437", "iso8859_15", "tis_620"}) {
            assertTrue(SourceReader.pythonCodec(name) != null, name);
        }
    }

    @Test
    void unknownEncoding() {
        assertEquals("unknown encoding: foobar", error("# -*- coding: foobar -*-\nx=1\n"));
    }

    @Test
    void wideUnicodeCookieCannotBeHonoured() {
        assertTrue(error("# coding: utf-16\nx=1\n").startsWith("encoding problem: utf-16"));
    }

    @Test
    void undecodableUtf8IsReportedWithCPythonsReasons() {
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte"
                + " (line 1, column 6)", error("x = '\\xff'\n"));
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 4: unexpected end of data"
                + " (line 1, column 5)", error("x=1#\\xc3"));
        assertTrue(error("x = '\\xc3A'\n").endsWith("invalid continuation byte (line 1, column 6)"));
        assertEquals(2, assertThrows(SourceException.class, () -> decode("x = 1\ny = '\\xff'\n")).line());
        assertEquals(0, assertThrows(SourceException.class, () -> decode("# coding: klingon\n")).line());
        // UTF-8 encoded surrogates and overlong forms are invalid, as in CPython.
        assertTrue(error("x = '\\xed\\xa0\\x80'\n").contains("byte 0xed in position 5: invalid continuation byte"));
        assertTrue(error("x = '\\xc0\\x80'\n").contains("byte 0xc0 in position 5: invalid start byte"));
        assertTrue(error("x = '\\xf4\\x90\\x80\\x80'\n").contains("byte 0xf4 in position 5: invalid continuation byte"));
    }

    /**
     * {@code compile(bytes)} happens to skip the bytes of a comment undecoded, but running or
     * importing such a file fails ("Non-UTF-8 code starting with '\xe9' in file ..."): a file
     * Python will not run is not valid source, so we follow the file reader.
     */
    @Test
    void undecodableBytesInACommentAreRejectedAsPythonRejectsTheFile() {
        assertTrue(error("x = 1  # caf\\xe9\n").contains("byte 0xe9 in position 12: invalid continuation byte"));
    }

    @Test
    void undecodableUtf8AfterBom() {
        assertTrue(error("\\xef\\xbb\\xbfx = '\\xff'\n").contains("byte 0xff in position 8: invalid start byte"));
    }

    @Test
    void undecodableInADeclaredEncoding() {
        assertEquals("'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128) (line 2, column 6)",
                error("# coding: ascii\nx = '\\xe9'\n"));
        assertEquals("'cp1252' codec can't decode byte 0x81 in position 22: character maps to <undefined> (line 2, column 6)",
                error("# coding: cp1252\nx = '\\x81'\n"));
    }

    @Test
    void nullBytesAreRejectedAsCPythonRejectsThem() {
        assertEquals("source code cannot contain null bytes (line 1)", error("x = 1\\x00\n"));
        assertEquals("source code cannot contain null bytes (line 3)", error("# coding: latin1\n\nx = 1 \\x00\n"));
        assertEquals(3, assertThrows(SourceException.class, () -> decode("# coding: latin1\n\nx = 1 \\x00\n")).line());
    }

    @Test
    void lineEndsAreNormalised() throws SourceException {
        assertEquals("# coding: latin-1\nx = '\u00e9'\ny\n", decode("# coding: latin-1\r\nx = '\\xe9'\ry\r\n"));
    }

    @Test
    void readsFilesAndNamesProblemsWithoutStackTraces(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.py");
        Files.write(file, "print('\u00e9')\r\n".getBytes(StandardCharsets.UTF_8));
        SourceFile source = SourceReader.read(file, "a.py");
        assertEquals("print('\u00e9')\n", source.text());
        assertEquals("a.py", source.path());
        assertFalse(source.isNotebook());

        assertEquals("no such file", assertThrows(SourceException.class,
                () -> SourceReader.read(dir.resolve("missing.py"), "missing.py")).getMessage());
        assertEquals("is a directory, not a file", assertThrows(SourceException.class,
                () -> SourceReader.read(dir, "dir")).getMessage());
    }

    @Test
    void readsEncodingFixtures() throws Exception {
        Path fixtures = Path.of(System.getProperty("pitfall.root", "..")).resolve("testdata/encoding");
        assertEquals("# -*- coding: latin-1 -*-\ngreeting = 'caf\u00e9'\n",
                SourceReader.read(fixtures.resolve("latin1_cookie.py"), "latin1_cookie.py").text());
        assertEquals("greeting = 'caf\u00e9'\n", SourceReader.read(fixtures.resolve("utf8_bom.py"), "utf8_bom.py").text());
        assertEquals("encoding problem: iso-8859-1 with BOM", assertThrows(SourceException.class,
                () -> SourceReader.read(fixtures.resolve("bom_contradicts_cookie.py"), "x")).getMessage());
        assertEquals("unknown encoding: klingon", assertThrows(SourceException.class,
                () -> SourceReader.read(fixtures.resolve("unknown_encoding.py"), "x")).getMessage());
        assertTrue(assertThrows(SourceException.class,
                () -> SourceReader.read(fixtures.resolve("invalid_utf8.py"), "x")).getMessage().contains("invalid start byte"));
        assertTrue(assertThrows(SourceException.class,
                () -> SourceReader.read(fixtures.resolve("null_byte.py"), "x")).getMessage().contains("null bytes"));
    }

    @Test
    void codeOverTheSizeLimitIsRefusedButNotebookOutputsDoNotCount() throws SourceException {
        byte[] code = ("x = 1  #" + "-".repeat(SourceReader.MAX_CODE_BYTES) + "\n").getBytes(StandardCharsets.US_ASCII);
        String message = assertThrows(SourceException.class, () -> SourceReader.decode(code, "big.py", false)).getMessage();
        assertEquals("too large to lint: 10.0 MB of Python code besides whitespace (the limit is 10 MB)", message);
        byte[] indented = ("if x:\n" + " ".repeat(SourceReader.MAX_CODE_BYTES) + "pass\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals("if x:\n" + " ".repeat(SourceReader.MAX_CODE_BYTES) + "pass\n",
                SourceReader.decode(indented, "deep.py", false).text(), "whitespace does not count");

        String bigOutput = "A".repeat(SourceReader.MAX_CODE_BYTES);
        String notebook = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\","
                + " \"metadata\": {}, \"execution_count\": 1, \"source\": [\"x = 1\\n\"], \"outputs\": [{\"output_type\":"
                + " \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"" + bigOutput + "\"}}]}]}";
        SourceFile cells = SourceReader.decode(notebook.getBytes(StandardCharsets.US_ASCII), "big.ipynb", true);
        assertEquals("x = 1\n", cells.text());
    }
}
