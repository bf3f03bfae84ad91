package dev.pitfall.lint;

import dev.pitfall.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # noqa} comments of one file, as flake8 and Ruff read them: {@code # noqa} on the
 * line a finding starts on suppresses every finding there, {@code # noqa: PF101, chained-indexing}
 * only those rules (codes or names, case-insensitive, separated by commas and/or spaces).
 *
 * <p>Only real comments count: the file is scanned once with a small string-aware state machine,
 * so a {@code "# noqa"} inside a string literal (triple-quoted ones included) suppresses nothing.
 * For a notebook the joined code keeps each cell line as it is, so the comment on the line in the
 * cell is the one that applies.
 */
public final class Suppressions {
    private static final Pattern NOQA = Pattern.compile(
            "#\\s*noqa(?<colon>\\s*:\\s*(?<codes>[A-Za-z0-9_-]+(?:[\\s,]+[A-Za-z0-9_-]+)*)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private static final Suppressions NONE = new Suppressions(Map.of());
    private static final String NOQA_WORD = "noqa";

    /** Line -> suppressed rule codes/names in lower case; an empty set suppresses everything. */
    private final Map<Integer, Set<String>> byLine;

    private Suppressions(Map<Integer, Set<String>> byLine) {
        this.byLine = byLine;
    }

    public static Suppressions scan(SourceFile source) {
        String text = source.text();
        if (!mayHoldNoqa(text)) {
            return NONE;
        }
        Map<Integer, Set<String>> byLine = new HashMap<>();
        for (Comment comment : comments(text)) {
            Set<String> codes = parseNoqa(comment.text());
            if (codes != null) {
                byLine.merge(comment.line(), codes, Suppressions::union);
            }
        }
        return new Suppressions(byLine);
    }

    /** Whether a {@code # noqa} on the line where the finding starts covers its rule. */
    public boolean suppresses(Finding finding) {
        // Syntax errors are never suppressible: a file that does not parse was not checked at all.
        if (SyntaxErrorRule.CODE.equals(finding.code())) {
            return false;
        }
        Set<String> codes = byLine.get(finding.range().startLine());
        if (codes == null) {
            return false;
        }
        return codes.isEmpty()
                || codes.contains(finding.code().toLowerCase(Locale.ROOT))
                || codes.contains(finding.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether some line has a {@code #} followed by "noqa" in any case: a superset of the lines
     * with a noqa comment, found without the string-aware scan, which most files need not pay.
     */
    private static boolean mayHoldNoqa(String text) {
        int hash = text.indexOf('#');
        while (hash >= 0) {
            int lineEnd = text.indexOf('\n', hash);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            for (int i = hash + 1; i + NOQA_WORD.length() <= end; i++) {
                if ((text.charAt(i) | 0x20) == 'n' && text.regionMatches(true, i, NOQA_WORD, 0, NOQA_WORD.length())) {
                    return true;
                }
            }
            hash = lineEnd < 0 ? -1 : text.indexOf('#', lineEnd);
        }
        return false;
    }

    /**
     * The rules a comment suppresses: null when it is no noqa comment, an empty set for a blanket
     * {@code # noqa} (also {@code # noqa:} with nothing after it, as flake8 treats it).
     */
    static Set<String> parseNoqa(String comment) {
        Matcher matcher = NOQA.matcher(comment);
        if (!matcher.find()) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        String list = matcher.group("codes");
        if (list != null) {
            for (String code : SEPARATORS.split(list.trim())) {
                if (!code.isEmpty()) {
                    codes.add(code.toLowerCase(Locale.ROOT));
                }
            }
        }
        return codes;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return Set.of();
        }
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    record Comment(int line, String text) {
    }

    /**
     * Every comment of a Python text with its 1-based line. Strings are skipped: single-quoted
     * ones end at their quote or at an unescaped line end, triple-quoted ones at their closing
     * triple quote; a backslash escapes the next character in both (also in raw strings, where it
     * still keeps a quote from closing the string).
     */
    static List<Comment> comments(String text) {
        List<Comment> comments = new java.util.ArrayList<>();
        int line = 1;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                int end = text.indexOf('\n', i);
                if (end < 0) {
                    end = length;
                }
                comments.add(new Comment(line, text.substring(i, end)));
                i = end;
            } else if (c == '\'' || c == '"') {
                boolean triple = i + 2 < length && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                int j = triple ? i + 3 : i + 1;
                while (j < length) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < length) {
                        if (text.charAt(j + 1) == '\n') {
                            line++;
                        }
                        j += 2;
                        continue;
                    }
                    if (d == '\n') {
                        if (!triple) {
                            break;
                        }
                        line++;
                    } else if (d == c && (!triple
                            || (j + 2 < length && text.charAt(j + 1) == c && text.charAt(j + 2) == c))) {
                        j += triple ? 3 : 1;
                        break;
                    }
                    j++;
                }
                i = j;
            } else {
                i++;
            }
        }
        return comments;
    }
}
