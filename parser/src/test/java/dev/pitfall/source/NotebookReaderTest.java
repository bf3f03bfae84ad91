package dev.pitfall.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Notebooks under testdata/notebooks read as one module, with IPython syntax neutralised. */
class NotebookReaderTest {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("pitfall.root", "..")).resolve("testdata/notebooks");

    private static SourceFile read(String name) throws SourceException {
        return SourceReader.read(NOTEBOOKS.resolve(name), name);
    }

    private static String error(String name) {
        return assertThrows(SourceException.class, () -> read(name)).getMessage();
    }

    private static SourceFile fromJson(String json) throws SourceException {
        return SourceReader.decode(json.getBytes(StandardCharsets.UTF_8), "<stdin>", true);
    }

    @Test
    void codeCellsAreJoinedWithIPythonSyntaxNeutralised() throws SourceException {
        SourceFile source = read("ipython_syntax.ipynb");
        assertTrue(source.isNotebook());
        assertEquals(String.join("\n",
                "#%matplotlib inline",
                "import pandas as pd",
                "#!pip install scikit-learn",
                "files = ...  #!ls *.csv",
                "#pd.read_csv?",
                "df = pd.read_csv('train.csv')",
                "#%%time",
                "model = fit(df)",
                "for i in range(3):",
                "    pass  #%time step(i)",
                "query = \"\"\"",
                "%s and !x",
                "\"\"\"",
                "total = (1",
                "         % 2)",
                "#%load_ext autoreload \\",
                "    #more args",
                "result = ...  #%timeit -o f()",
                "#??np.mean",
                "print(result)",
                ""), source.text());
    }

    @Test
    void theJoinedCodeParses() throws SourceException {
        ParseResult result = SourceParser.parse(read("ipython_syntax.ipynb"));
        assertTrue(result instanceof ParseResult.Success, result.toString());
    }

    @Test
    void linesMapBackToCellsAndIpynbLines() throws SourceException {
        NotebookMap map = read("ipython_syntax.ipynb").notebook();
        // Line 1: first line of cell 2 (cell 1 is markdown), stored on line 17 of the file.
        assertEquals(2, map.cellNumber(1));
        assertEquals(1, map.lineInCell(1));
        assertEquals(17, map.ipynbLine(1));
        // Line 6: the last line of cell 2, which had no final newline.
        assertEquals(2, map.cellNumber(6));
        assertEquals(6, map.lineInCell(6));
        assertEquals(22, map.ipynbLine(6));
        // Lines 7-10: cell 3, whose source is one JSON string on line 30.
        assertEquals(3, map.cellNumber(10));
        assertEquals(4, map.lineInCell(10));
        assertEquals(30, map.ipynbLine(10));
        // Line 11: cell 6 (cell 4 is %%bash and skipped, cell 5 is empty).
        assertEquals(6, map.cellNumber(11));
        assertEquals(1, map.lineInCell(11));
        assertEquals(55, map.ipynbLine(11));
        assertEquals(6, map.cellNumber(20));
        assertEquals(10, map.lineInCell(20));
        assertEquals(64, map.ipynbLine(20));
        // Past the end (an error at end of file) maps like the last line.
        assertEquals(64, map.ipynbLine(21));
    }

    @Test
    void everyUnchangedLineStandsOnTheIpynbLineItMapsTo() throws Exception {
        SourceFile source = read("ipython_syntax.ipynb");
        java.util.List<String> ipynb = java.nio.file.Files.readAllLines(NOTEBOOKS.resolve("ipython_syntax.ipynb"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int checked = 0;
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            if (text.isBlank() || text.contains("#")) {
                continue;
            }
            String encoded = json.writeValueAsString(text);
            String stored = ipynb.get(source.notebook().ipynbLine(line) - 1);
            assertTrue(stored.contains(encoded.substring(1, encoded.length() - 1)), line + ": " + text + " / " + stored);
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void aSourceListElementMayHoldSeveralLinesOrPartOfOne() throws SourceException {
        SourceFile source = fromJson("{\"cells\": [\n"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\n"
                + "\"a = 1\\nb = \",\n"
                + "\"2\\r\\n\",\n"
                + "\"c = 3\"]}],\n"
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        assertEquals("a = 1\nb = 2\nc = 3\n", source.text());
        assertEquals(3, source.notebook().ipynbLine(1));
        assertEquals(3, source.notebook().ipynbLine(2));
        assertEquals(5, source.notebook().ipynbLine(3));
        assertEquals(3, source.notebook().lineInCell(3));
    }

    @Test
    void autocallLinesAreNeutralisedInCellsWithoutOtherIPythonSyntax() throws SourceException {
        // No '%', '!' or '?' in these cells: the autocall escapes alone must still be found.
        SourceFile source = fromJson("{\"cells\": [\n"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"/print 1\\n\", \"x = 1\"]},\n"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"if x:\\n\", \"    ,f a b\"]},\n"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\";g c\"]},\n"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"y = (1,\\n\", \"     2)\"]}],\n"
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        assertEquals("#/print 1\nx = 1\nif x:\n    pass  #,f a b\n#;g c\ny = (1,\n     2)\n", source.text());
    }

    @Test
    void foreignKernelGivesNoCode() throws SourceException {
        SourceFile source = read("r_kernel.ipynb");
        assertEquals("", source.text());
        assertEquals(0, source.notebook().cellNumber(1));
    }

    @Test
    void cellsInAnotherEditorLanguageAndRawCellsAreSkipped() throws SourceException {
        SourceFile source = read("vscode_sql_cell.ipynb");
        assertEquals("x = 1\n", source.text());
        assertEquals(3, source.notebook().cellNumber(1));
    }

    @Test
    void metadataCountsAsInAJsonTree() throws SourceException {
        String cell = "\"cells\": [{\"cell_type\": \"code\", \"metadata\": %s, \"source\": \"x = 1\"}]";
        // A repeated key replaces the whole earlier value; values that are not strings say nothing.
        assertEquals("x = 1\n", fromJson("{\"metadata\": {\"kernelspec\": {\"language\": \"R\"}, "
                + "\"kernelspec\": {\"name\": \"x\"}, \"language_info\": {\"name\": \"python\"}}, "
                + String.format(cell, "{}") + "}").text());
        assertEquals("", fromJson("{\"metadata\": {\"kernelspec\": {\"language\": 3}, "
                + "\"language_info\": {\"name\": \"julia\", \"name\": \"Julia\"}}, "
                + String.format(cell, "{}") + "}").text());
        assertEquals("", fromJson("{\"metadata\": null, \"metadata\": {\"kernelspec\": {\"language\": \"R\"}}, "
                + String.format(cell, "{}") + "}").text());
        assertEquals("x = 1\n", fromJson("{\"metadata\": [], "
                + String.format(cell, "{\"vscode\": {\"languageId\": \"sql\"}, \"vscode\": null}") + "}").text());
        assertEquals("", fromJson("{" + String.format(cell,
                "{\"vscode\": {\"languageId\": [\"python\"], \"languageId\": \"sql\"}, \"tags\": [{\"vscode\": 1}]}")
                + "}").text());
    }

    @Test
    void malformedNotebooksAreClearErrors() {
        assertEquals("invalid notebook JSON: the file ends inside the array opened at line 5, column 14 (line 6, column 1)",
                error("truncated.ipynb"));
        assertEquals(6, assertThrows(SourceException.class, () -> read("truncated.ipynb")).line());
        assertEquals("invalid notebook JSON: unexpected content after the top-level object (line 1, column 67)",
                error("trailing_garbage.ipynb"));
        assertEquals("unsupported notebook format: nbformat 3 (only nbformat 4 is supported)", error("nbformat3.ipynb"));
        assertEquals("cell 2 has no 'source' (line 4, column 3)", error("missing_source.ipynb"));
        assertEquals(4, assertThrows(SourceException.class, () -> read("missing_source.ipynb")).line());
        assertEquals("not a notebook: no 'cells' list", error("no_cells.ipynb"));
        assertTrue(error("source_not_text.ipynb").startsWith("cell 1: 'source' holds something other than strings"));
        assertEquals("not a notebook: the JSON document is not an object",
                assertThrows(SourceException.class, () -> fromJson("[1, 2]")).getMessage());
        assertEquals("invalid notebook JSON: the file is empty", jsonError(" \n"));
    }

    private static String jsonError(String json) {
        return jsonError(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonError(byte[] json) {
        return assertThrows(SourceException.class, () -> SourceReader.decode(json, "<stdin>", true)).getMessage();
    }

    @Test
    void hostileJsonIsAnErrorNotACrash() {
        // As with Jackson before: 1000 levels are read, the 1001st is refused where it opens.
        String deep = "{\"metadata\": " + "[".repeat(100_000) + "]".repeat(100_000) + ", \"cells\": []}";
        assertEquals("invalid notebook JSON: arrays and objects nested more than 1000 deep (line 1, column 1013)",
                jsonError(deep));
        String deepest = "{\"metadata\": " + "[".repeat(999) + "]".repeat(999) + ", \"cells\": []}";
        assertDoesNotThrow(() -> fromJson(deepest));
    }

    @Test
    void jsonIsReadStrictly() {
        String before = "{\"cells\": [],\n \"x\": ";
        assertEquals("invalid notebook JSON: expecting ',' or '}', found '/' (line 2, column 9)",
                jsonError(before + "1 // comment\n}"));
        // Columns count characters: the é is one column though two bytes.
        assertEquals("invalid notebook JSON: expecting a field name in double quotes, found '}' (line 2, column 16)",
                jsonError(before + "[1, \"é\"],}"));
        assertEquals("invalid notebook JSON: expecting a value, found ']' (line 2, column 13)", jsonError(before + "[1, 2,]}"));
        assertEquals("invalid notebook JSON: expecting a field name in double quotes, found ''' (line 2, column 8)",
                jsonError(before + "{'a': 1}}"));
        assertEquals("invalid notebook JSON: expecting a value, found 'N' (line 2, column 7)", jsonError(before + "NaN}"));
        assertEquals("invalid notebook JSON: expecting a digit, found 'I' (line 2, column 8)", jsonError(before + "-Infinity}"));
        assertEquals("invalid notebook JSON: expecting a value, found '+' (line 2, column 7)", jsonError(before + "+1}"));
        assertEquals("invalid notebook JSON: a number cannot start with 0 followed by digits (line 2, column 8)",
                jsonError(before + "01}"));
        assertEquals("invalid notebook JSON: expecting a digit after the decimal point, found '}' (line 2, column 9)",
                jsonError(before + "1.}"));
        assertEquals("invalid notebook JSON: expecting a digit in the exponent, found '}' (line 2, column 10)",
                jsonError(before + "1e+}"));
        assertEquals("invalid notebook JSON: expecting 'true' (line 2, column 7)", jsonError(before + "tru}"));
        assertEquals("invalid notebook JSON: expecting ',' or '}', found 'x' (line 2, column 11)", jsonError(before + "truex}"));
        assertEquals("invalid notebook JSON: a control character (U+0009) must be escaped in a string (line 2, column 9)",
                jsonError(before + "\"a\tb\"}"));
        assertEquals("invalid notebook JSON: invalid escape: a backslash followed by 'x' (line 2, column 10)",
                jsonError(before + "\"a\\x41\"}"));
        assertEquals("invalid notebook JSON: expecting four hex digits after \\u (line 2, column 9)",
                jsonError(before + "\"a\\u12G4\"}"));
        assertEquals("invalid notebook JSON: expecting ',' or ']', found '}' (line 2, column 12)", jsonError(before + "[1, 2}}"));
        assertEquals("invalid notebook JSON: unexpected content after the top-level object (line 2, column 10)",
                jsonError(before + "1} {}"));
        assertEquals("invalid notebook JSON: the integer 2147483648 is out of range (line 1, column 14)",
                jsonError("{\"nbformat\": 2147483648, \"cells\": []}"));
    }

    @Test
    void truncatedJsonNamesWhereItEnds() {
        // CR, LF and CRLF each end a line.
        assertEquals("invalid notebook JSON: the file ends inside a string (line 2, column 11)",
                jsonError("{\"cells\": [],\r\n \"x\": \"abc"));
        assertEquals("invalid notebook JSON: the file ends inside a string (line 3, column 12)",
                jsonError("{\"cells\": [],\r\n\r \"x\": \"abc\\"));
        assertEquals("invalid notebook JSON: the file ends inside the object opened at line 1, column 1 (line 3, column 1)",
                jsonError("{\"cells\": [],\n\"x\": 12\n"));
        assertEquals("invalid notebook JSON: expecting ':' after a field name, found the end of the file (line 1, column 18)",
                jsonError("{\"cells\": [], \"x\""));
    }

    @Test
    void invalidUtf8IsAnError() {
        // Jupyter reads notebooks as strict UTF-8: overlong forms, encoded surrogates and UTF-16 are refused.
        byte[] overlongSlash = {'{', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertEquals("invalid notebook JSON: invalid UTF-8 (byte 0xC0) (line 1, column 7)", jsonError(overlongSlash));
        byte[] surrogate = {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'};
        assertEquals("invalid notebook JSON: invalid UTF-8 (byte 0xED) (line 1, column 3)", jsonError(surrogate));
        byte[] cutShort = {'{', '"', 'x', '"', ':', '"', (byte) 0xE4, (byte) 0xB8, '"', '}'};
        assertEquals("invalid notebook JSON: invalid UTF-8 (byte 0xE4) (line 1, column 7)", jsonError(cutShort));
        assertEquals("invalid notebook JSON: the file is not UTF-8 (UTF-16 or UTF-32?)",
                jsonError("{\"cells\": []}".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void escapesAreDecodedAndAByteOrderMarkIsSkipped() throws SourceException {
        String json = "\uFEFF{\"cell\\u0073\": [{\"cell_type\": \"code\", \"source\": "
                + "\"s = '\\u00e9\\uD83D\\ude00\\\"\\\\\\/\\b\\f\\t\\ud83d é😀'\"}]}";
        // A surrogate pair is one code point; a lone surrogate escape stays a lone UTF-16 unit, as in Jackson.
        assertEquals("s = 'é😀\"\\/\b\f\t\ud83d é😀'\n", fromJson(json).text());
    }

    @Test
    void nbformatMayBeAnyValueButOnlyAnIntegerBelow4IsRefused() throws SourceException {
        assertEquals("", fromJson("{\"nbformat\": [3], \"cells\": []}").text());
        assertEquals("", fromJson("{\"nbformat\": 3.0, \"cells\": []}").text());
        assertEquals("unsupported notebook format: nbformat 0 (only nbformat 4 is supported)",
                jsonError("{\"nbformat\": -0, \"cells\": []}"));
    }

    @Test
    void neutralisationKeepsPlainPythonAndBlocks() {
        assertEquals(java.util.List.of(
                "if ok:",
                "    pass  #!echo yes",
                "x = y % z",
                "s = 'a' \\",
                "    '%b'",
                "d = {",
                "  '?': 1,",
                "}",
                "#obj?? ",
                "# comment?",
                "a[0], b = ...  #%who_ls"),
                IPythonSyntax.neutralise(java.util.List.of(
                        "if ok:",
                        "    !echo yes",
                        "x = y % z",
                        "s = 'a' \\",
                        "    '%b'",
                        "d = {",
                        "  '?': 1,",
                        "}",
                        "obj?? ",
                        "# comment?",
                        "a[0], b = %who_ls")));
    }
}
