package dev.pitfall.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Jupyter notebook (nbformat 4) as one Python module: its Python code cells in document
 * order, each starting on a fresh line, with IPython syntax neutralised line by line (see
 * {@link IPythonSyntax}) so that line numbers stay those of the cells. The {@link NotebookMap}
 * of the result leads every line back to its cell and to the line of the .ipynb file.
 *
 * <p>The JSON is read as it stands in the file ({@link JsonCursor}) so that the .ipynb line of every
 * source string is known without a second pass; outputs and the rest are only scanned, not decoded.
 */
public final class NotebookReader {
    /**
     * Cell magics whose body is Python run in the notebook's own namespace: the magic line is
     * neutralised and the body kept. Every other cell magic (%%bash, %%R, %%html, %%writefile,
     * %%python which runs a separate process...) makes the cell foreign, and it is skipped.
     */
    private static final Set<String> PYTHON_BODY_CELL_MAGICS = Set.of("time", "timeit", "capture", "prun", "debug");

    private NotebookReader() {
    }

    /** One string of a cell's source and the .ipynb line where it stands. */
    private record Piece(String text, int ipynbLine) {
    }

    /** languageId: the cell's editor language as VS Code records it (vscode.languageId in its metadata), or null. */
    private record Cell(int number, String type, List<Piece> source, String languageId) {
    }

    public static SourceFile read(byte[] bytes, String displayPath) throws SourceException {
        List<Cell> cells = null;
        Map<String, String> metadata = null;
        Integer nbformat = null;
        boolean worksheets = false;
        JsonCursor json = new JsonCursor(bytes);
        if (json.atEnd()) {
            throw new SourceException("invalid notebook JSON: the file is empty");
        }
        if (json.valueKind() != '{') {
            throw new SourceException("not a notebook: the JSON document is not an object");
        }
        json.enter();
        while (json.nextField()) {
            if (json.fieldIs("cells")) {
                cells = readCells(json);
            } else if (json.fieldIs("metadata")) {
                metadata = nestedStrings(json, Set.of("kernelspec", "language_info"));
            } else if (json.fieldIs("nbformat")) {
                nbformat = json.readInteger();
            } else {
                worksheets |= json.fieldIs("worksheets");
                json.skipValue();
            }
        }
        if (!json.atEnd()) {
            throw json.problem("invalid notebook JSON: unexpected content after the top-level object");
        }
        if (worksheets || (nbformat != null && nbformat < 4)) {
            throw new SourceException("unsupported notebook format: nbformat "
                    + (nbformat == null ? "3" : nbformat) + " (only nbformat 4 is supported)");
        }
        if (cells == null) {
            throw new SourceException("not a notebook: no 'cells' list");
        }
        return join(displayPath, cells, isPythonKernel(metadata));
    }

    private static List<Cell> readCells(JsonCursor json) throws SourceException {
        if (json.valueKind() != '[') {
            throw json.problem("not a notebook: 'cells' is not a list");
        }
        List<Cell> cells = new ArrayList<>();
        json.enter();
        while (json.nextElement()) {
            int number = cells.size() + 1;
            if (json.valueKind() != '{') {
                throw json.problem("cell " + number + " is not a JSON object");
            }
            cells.add(readCell(json, number));
        }
        return cells;
    }

    private static Cell readCell(JsonCursor json, int number) throws SourceException {
        long start = json.mark();
        String type = null;
        List<Piece> source = null;
        String languageId = null;
        json.enter();
        while (json.nextField()) {
            if (json.fieldIs("cell_type")) {
                if (json.valueKind() != '"') {
                    throw json.problem("cell " + number + ": 'cell_type' is not a string");
                }
                type = json.readString();
            } else if (json.fieldIs("source")) {
                source = readSource(json, number);
            } else if (json.fieldIs("metadata")) {
                languageId = nestedStrings(json, Set.of("vscode")).get("vscode.languageId");
            } else {
                json.skipValue();
            }
        }
        if (type == null) {
            throw json.problemAt("cell " + number + " has no 'cell_type'", start);
        }
        if (source == null) {
            throw json.problemAt("cell " + number + " has no 'source'", start);
        }
        return new Cell(number, type, source, languageId);
    }

    /** nbformat's multi-line string: one string, or a list of strings to concatenate. */
    private static List<Piece> readSource(JsonCursor json, int number) throws SourceException {
        List<Piece> pieces = new ArrayList<>();
        int kind = json.valueKind();
        if (kind == '"') {
            pieces.add(new Piece(json.readString(), json.line()));
            return pieces;
        }
        if (kind != '[') {
            throw json.problem("cell " + number + ": 'source' is neither a string nor a list of strings");
        }
        json.enter();
        while (json.nextElement()) {
            if (json.valueKind() != '"') {
                throw json.problem("cell " + number + ": 'source' holds something other than strings");
            }
            pieces.add(new Piece(json.readString(), json.line()));
        }
        return pieces;
    }

    /**
     * The string values two keys deep in the metadata object at the cursor (like kernelspec.language),
     * keyed "outer.inner", for the given outer keys; values that are not strings are left out. As
     * in a JSON tree, the last of duplicate keys counts: a repeated outer key replaces all the
     * earlier one held.
     */
    private static Map<String, String> nestedStrings(JsonCursor json, Set<String> outerKeys) throws SourceException {
        Map<String, String> found = new HashMap<>();
        if (json.valueKind() != '{') {
            json.skipValue();
            return found;
        }
        json.enter();
        while (json.nextField()) {
            String outer = json.fieldName();
            if (!outerKeys.contains(outer)) {
                json.skipValue();
                continue;
            }
            String prefix = outer + ".";
            found.keySet().removeIf(key -> key.startsWith(prefix));
            if (json.valueKind() != '{') {
                json.skipValue();
                continue;
            }
            json.enter();
            while (json.nextField()) {
                String inner = prefix + json.fieldName();
                if (json.valueKind() == '"') {
                    found.put(inner, json.readString());
                } else {
                    found.remove(inner);
                    json.skipValue();
                }
            }
        }
        return found;
    }

    /** Without language information a notebook is taken to be Python, as Jupyter's default kernel is. */
    private static boolean isPythonKernel(Map<String, String> metadata) {
        if (metadata == null) {
            return true;
        }
        String language = metadata.get("kernelspec.language");
        if (language == null) {
            language = metadata.get("language_info.name");
        }
        return language == null || isPython(language);
    }

    private static boolean isPython(String language) {
        return language.toLowerCase(Locale.ROOT).startsWith("python");
    }

    /** A cell whose editor language (VS Code records it per cell) is not Python is foreign. */
    private static boolean isPythonCell(Cell cell) {
        if (!cell.type().equals("code")) {
            return false;
        }
        return cell.languageId() == null || isPython(cell.languageId());
    }

    private static SourceFile join(String displayPath, List<Cell> cells, boolean pythonKernel) {
        StringBuilder text = new StringBuilder();
        CellLineMap map = new CellLineMap();
        if (pythonKernel) {
            for (Cell cell : cells) {
                if (isPythonCell(cell)) {
                    appendCell(text, map, cell);
                }
            }
        }
        return new SourceFile(displayPath, text.toString(), map);
    }

    private static void appendCell(StringBuilder text, CellLineMap map, Cell cell) {
        List<String> lines = new ArrayList<>();
        List<Integer> ipynbLines = new ArrayList<>();
        splitLines(cell.source(), lines, ipynbLines);
        if (lines.isEmpty()) {
            return;
        }
        String first = lines.get(0).stripLeading();
        if (first.startsWith("%%")) {
            if (!PYTHON_BODY_CELL_MAGICS.contains(IPythonSyntax.magicName(first.substring(2)))) {
                return;
            }
        }
        List<String> neutral = IPythonSyntax.neutralise(lines);
        for (int i = 0; i < neutral.size(); i++) {
            text.append(neutral.get(i)).append('\n');
            map.add(cell.number(), i + 1, ipynbLines.get(i));
        }
    }

    /**
     * Splits a cell's concatenated source into lines (line ends normalised to \n, the last line
     * possibly unterminated) and records for each line the .ipynb line of the string where it
     * starts.
     */
    private static void splitLines(List<Piece> pieces, List<String> lines, List<Integer> ipynbLines) {
        StringBuilder current = new StringBuilder();
        int currentIpynbLine = -1;
        for (Piece piece : pieces) {
            String textOfPiece = SourceFile.normaliseNewlines(piece.text());
            int from = 0;
            while (from < textOfPiece.length()) {
                if (currentIpynbLine < 0) {
                    currentIpynbLine = piece.ipynbLine();
                }
                int newline = textOfPiece.indexOf('\n', from);
                if (newline < 0) {
                    current.append(textOfPiece, from, textOfPiece.length());
                    break;
                }
                current.append(textOfPiece, from, newline);
                lines.add(current.toString());
                ipynbLines.add(currentIpynbLine);
                current.setLength(0);
                currentIpynbLine = -1;
                from = newline + 1;
            }
        }
        if (currentIpynbLine >= 0) {
            lines.add(current.toString());
            ipynbLines.add(currentIpynbLine);
        }
    }
}
