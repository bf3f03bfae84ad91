package dev.pitfall.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(error("truncated.ipynb").startsWith("invalid notebook JSON: Unexpected end-of-input"), error("truncated.ipynb"));
        assertTrue(error("truncated.ipynb").contains("(line "));
        assertTrue(error("truncated.ipynb").contains("start marker at line 5, column 14"), error("truncated.ipynb"));
        assertFalse(error("truncated.ipynb").contains("Source:"), error("truncated.ipynb"));
        assertTrue(error("trailing_garbage.ipynb").startsWith("invalid notebook JSON"), error("trailing_garbage.ipynb"));
        assertEquals("unsupported notebook format: nbformat 3 (only nbformat 4 is supported)", error("nbformat3.ipynb"));
        assertEquals("cell 2 has no 'source' (line 4, column 3)", error("missing_source.ipynb"));
        assertEquals(4, assertThrows(SourceException.class, () -> read("missing_source.ipynb")).line());
        assertEquals("not a notebook: no 'cells' list", error("no_cells.ipynb"));
        assertTrue(error("source_not_text.ipynb").startsWith("cell 1: 'source' holds something other than strings"));
        assertEquals("not a notebook: the JSON document is not an object",
                assertThrows(SourceException.class, () -> fromJson("[1, 2]")).getMessage());
        assertTrue(assertThrows(SourceException.class, () -> fromJson("")).getMessage().startsWith("invalid notebook JSON"));
    }

    @Test
    void hostileJsonIsAnErrorNotACrash() {
        String deep = "{\"metadata\": " + "[".repeat(100_000) + "]".repeat(100_000) + ", \"cells\": []}";
        assertTrue(assertThrows(SourceException.class, () -> fromJson(deep)).getMessage()
                .startsWith("invalid notebook JSON: Document nesting depth"));
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
