package dev.pitfall.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralises the IPython syntax of one notebook cell so that the cell parses as Python, while
 * every line keeps its number (and every Python line its columns):
 * <ul>
 * <li>a logical line starting with an escape ({@code %magic}, {@code %%cellmagic} on the first
 * line, {@code !shell}, {@code ?obj}, and the autocall escapes {@code / , ;}) or a help request
 * ending in {@code ?}/{@code ??} becomes a comment ({@code pass} plus a comment when indented, so
 * that a block holding only magics stays a block);</li>
 * <li>{@code var = !cmd} and {@code var = %magic} keep their target and get {@code ...} as the
 * value, so the name is still bound;</li>
 * <li>backslash-continued lines of a magic are neutralised with it.</li>
 * </ul>
 * Only the first physical line of a logical line is examined: a light scan tracks strings,
 * brackets and backslash continuations so that {@code %} inside a triple-quoted string or at the
 * start of a bracketed continuation line is left alone.
 */
final class IPythonSyntax {
    private static final Pattern HELP = Pattern.compile(
            "%{0,2}[\\p{L}\\p{N}_*]+(?:\\.[\\p{L}\\p{N}_*]+|\\[-?[0-9]+\\])*\\?{1,2}");
    private static final Pattern ASSIGNED_ESCAPE = Pattern.compile(
            "[\\p{L}\\p{N}_.\\[\\], *]+?\\s*=\\s*([!%])");
    private static final Pattern MAGIC_NAME = Pattern.compile("[\\p{L}\\p{N}_.]*");

    private IPythonSyntax() {
    }

    /** The name of a magic from the text just after its % or %%: "timeit" for "timeit -n 3 f()". */
    static String magicName(String afterPercent) {
        Matcher name = MAGIC_NAME.matcher(afterPercent);
        return name.lookingAt() ? name.group() : "";
    }

    static List<String> neutralise(List<String> lines) {
        if (!mayHoldIPythonSyntax(lines)) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        PythonLineScanner scanner = new PythonLineScanner();
        boolean magicContinues = false;
        for (String line : lines) {
            if (magicContinues) {
                out.add(commentOut(line));
                magicContinues = endsWithBackslash(line);
                continue;
            }
            String neutral = scanner.atLogicalLineStart() ? neutraliseLogicalLine(line) : null;
            if (neutral == null) {
                out.add(line);
                scanner.scan(line);
            } else {
                out.add(neutral);
                magicContinues = endsWithBackslash(line);
            }
        }
        return out;
    }

    /**
     * False when no line passes neutraliseLogicalLine's first tests (an escape character after the
     * indent, or a '!', '%' or '?' anywhere): then nothing is IPython syntax, wherever the logical
     * lines start, and the cell need not be scanned, which is most cells.
     */
    private static boolean mayHoldIPythonSyntax(List<String> lines) {
        for (String line : lines) {
            if (line.indexOf('!') >= 0 || line.indexOf('%') >= 0 || line.indexOf('?') >= 0) {
                return true;
            }
            int indent = indentOf(line);
            if (indent < line.length() && isAutocallEscape(line.charAt(indent))) {
                return true;
            }
        }
        return false;
    }

    /** The neutral form of a line that starts a logical line, or null if it is plain Python. */
    private static String neutraliseLogicalLine(String line) {
        int indent = indentOf(line);
        if (indent == line.length()) {
            return null;
        }
        String body = line.substring(indent);
        char first = body.charAt(0);
        boolean escaped = first == '%' || first == '!' || first == '?' || isAutocallEscape(first);
        // The regular expressions run only on the rare lines that can match them, not on every line.
        String trimmed = body.stripTrailing();
        if (escaped || (trimmed.endsWith("?") && HELP.matcher(trimmed).matches())) {
            String prefix = line.substring(0, indent);
            return prefix + (indent == 0 ? "#" : "pass  #") + body;
        }
        if (body.indexOf('!') < 0 && body.indexOf('%') < 0) {
            return null;
        }
        Matcher assignment = ASSIGNED_ESCAPE.matcher(body);
        if (assignment.lookingAt()) {
            int escape = indent + assignment.start(1);
            return line.substring(0, escape) + "...  #" + line.substring(escape);
        }
        return null;
    }

    /** The length of the line's indent: spaces, tabs and form feeds, as Python's tokenizer counts it. */
    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t'
                || line.charAt(indent) == '\f')) {
            indent++;
        }
        return indent;
    }

    /** IPython's autocall escapes: {@code /f x}, {@code ,f a b}, {@code ;f a b}. */
    private static boolean isAutocallEscape(char first) {
        return first == '/' || first == ',' || first == ';';
    }

    private static String commentOut(String line) {
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        return line.substring(0, indent) + "#" + line.substring(indent);
    }

    private static boolean endsWithBackslash(String line) {
        return line.endsWith("\\");
    }

    /**
     * Follows Python's lexical state across lines just far enough to know where logical lines
     * start: open brackets, strings (triple-quoted ones span lines) and backslash continuations.
     * Comments end at the line end. F-strings are scanned as plain strings, which is right for
     * all but replacement fields that contain the f-string's own quote across lines.
     */
    private static final class PythonLineScanner {
        private int depth;
        private String openQuote;
        private boolean continued;

        boolean atLogicalLineStart() {
            return depth == 0 && openQuote == null && !continued;
        }

        void scan(String line) {
            continued = false;
            int i = 0;
            int n = line.length();
            while (i < n) {
                if (openQuote != null) {
                    i = skipStringBody(line, i);
                    continue;
                }
                char c = line.charAt(i);
                if (c == '#') {
                    return;
                }
                if (c == '\'' || c == '"') {
                    String triple = String.valueOf(c).repeat(3);
                    openQuote = line.startsWith(triple, i) ? triple : String.valueOf(c);
                    i += openQuote.length();
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    i++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                    i++;
                } else if (c == '\\' && i == n - 1) {
                    continued = true;
                    i++;
                } else {
                    i++;
                }
            }
            if (openQuote != null && openQuote.length() == 1 && !continued) {
                // An unterminated one-line string is a syntax error that the parser will report.
                openQuote = null;
            }
        }

        /** Advances through string content; returns the index after the closing quote or the line end. */
        private int skipStringBody(String line, int from) {
            int i = from;
            int n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (c == '\\') {
                    if (i == n - 1) {
                        continued = openQuote.length() == 1;
                        return n;
                    }
                    i += 2;
                } else if (line.startsWith(openQuote, i)) {
                    i += openQuote.length();
                    openQuote = null;
                    return i;
                } else {
                    i++;
                }
            }
            return n;
        }
    }
}
