package dev.pitfall.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Jupyter notebook (nbformat 4) as one Python module: its Python code cells in document
 * order, each starting on a fresh line, with IPython syntax neutralised line by line (see
 * {@link IPythonSyntax}) so that line numbers stay those of the cells. The {@link NotebookMap}
 * of the result leads every line back to its cell and to the line of the .ipynb file.
 *
 * <p>The JSON is read as a token stream so that the .ipynb line of every source string is known
 * without a second pass over the file. Only jackson-core's parser is used: jackson-databind's
 * ObjectMapper costs about 20 ms of class initialisation (date formats, locale data) on first use,
 * for the three metadata strings it needs.
 */
public final class NotebookReader {
    /** Without Jackson's default 20 MB string cap: a cell may hold as much code as a file. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    /**
     * Jackson names a location inside its messages as "[Source: REDACTED (...); line: 5, column: 14]"
     * (e.g. where an unclosed array starts); users get "line 5, column 14".
     */
    private static final Pattern JACKSON_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

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
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SourceException("invalid notebook JSON: the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new SourceException("not a notebook: the JSON document is not an object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "cells":
                        cells = readCells(parser, value);
                        break;
                    case "metadata":
                        metadata = nestedStrings(parser, Set.of("kernelspec", "language_info"));
                        break;
                    case "nbformat":
                        nbformat = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                        break;
                    case "worksheets":
                        worksheets = true;
                        parser.skipChildren();
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw problem("invalid notebook JSON: unexpected content after the top-level object",
                        parser.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            throw problem("invalid notebook JSON: " + JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2"),
                    e.getLocation());
        } catch (IOException e) {
            throw new SourceException("cannot read notebook: " + e.getMessage());
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

    /** A problem at a place in the JSON, named in the message and kept as the exception's line. */
    private static SourceException problem(String message, JsonLocation location) {
        return new SourceException(message + at(location), location == null ? 0 : Math.max(0, location.getLineNr()));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static List<Cell> readCells(JsonParser parser, JsonToken start) throws IOException, SourceException {
        if (start != JsonToken.START_ARRAY) {
            throw problem("not a notebook: 'cells' is not a list", parser.currentTokenLocation());
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            int number = cells.size() + 1;
            if (token != JsonToken.START_OBJECT) {
                throw problem("cell " + number + " is not a JSON object", parser.currentTokenLocation());
            }
            cells.add(readCell(parser, number));
        }
        return cells;
    }

    private static Cell readCell(JsonParser parser, int number) throws IOException, SourceException {
        JsonLocation start = parser.currentTokenLocation();
        String type = null;
        List<Piece> source = null;
        String languageId = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "cell_type":
                    if (value != JsonToken.VALUE_STRING) {
                        throw problem("cell " + number + ": 'cell_type' is not a string",
                                parser.currentTokenLocation());
                    }
                    type = parser.getText();
                    break;
                case "source":
                    source = readSource(parser, value, number);
                    break;
                case "metadata":
                    languageId = nestedStrings(parser, Set.of("vscode")).get("vscode.languageId");
                    break;
                default:
                    parser.skipChildren();
            }
        }
        if (type == null) {
            throw problem("cell " + number + " has no 'cell_type'", start);
        }
        if (source == null) {
            throw problem("cell " + number + " has no 'source'", start);
        }
        return new Cell(number, type, source, languageId);
    }

    /** nbformat's multi-line string: one string, or a list of strings to concatenate. */
    private static List<Piece> readSource(JsonParser parser, JsonToken value, int number) throws IOException, SourceException {
        List<Piece> pieces = new ArrayList<>();
        if (value == JsonToken.VALUE_STRING) {
            pieces.add(new Piece(parser.getText(), parser.currentTokenLocation().getLineNr()));
            return pieces;
        }
        if (value != JsonToken.START_ARRAY) {
            throw problem("cell " + number + ": 'source' is neither a string nor a list of strings",
                    parser.currentTokenLocation());
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw problem("cell " + number + ": 'source' holds something other than strings", parser.currentTokenLocation());
            }
            pieces.add(new Piece(parser.getText(), parser.currentTokenLocation().getLineNr()));
        }
        return pieces;
    }

    /**
     * The string values two keys deep in the metadata object at the parser (like kernelspec.language),
     * keyed "outer.inner", for the given outer keys; values that are not strings are left out. As
     * in a JSON tree, the last of duplicate keys counts: a repeated outer key replaces all the
     * earlier one held.
     */
    private static Map<String, String> nestedStrings(JsonParser parser, Set<String> outerKeys) throws IOException {
        Map<String, String> found = new HashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return found;
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String outer = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!outerKeys.contains(outer)) {
                parser.skipChildren();
                continue;
            }
            String prefix = outer + ".";
            found.keySet().removeIf(key -> key.startsWith(prefix));
            if (value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            for (JsonToken field = parser.nextToken(); field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
                String inner = prefix + parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    found.put(inner, parser.getText());
                } else {
                    found.remove(inner);
                    parser.skipChildren();
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
