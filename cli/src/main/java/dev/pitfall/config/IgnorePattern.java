package dev.pitfall.config;

import java.util.regex.Pattern;

/**
 * One pattern with .gitignore semantics, matched against a path relative to the directory the
 * pattern belongs to ('/'-separated). Used for .gitignore files and also for the
 * {@code exclude}, {@code extend-exclude} and {@code per-file-ignores} globs of the configuration,
 * so that users meet one glob language.
 *
 * <ul>
 * <li>{@code !pattern} re-includes what an earlier pattern excluded;</li>
 * <li>a trailing {@code /} matches directories only;</li>
 * <li>a {@code /} at the start or in the middle anchors the pattern to its directory, otherwise it
 * matches a name at any depth;</li>
 * <li>{@code *} and {@code ?} never match {@code /}; {@code [a-z]} and {@code [!a-z]} are
 * classes; {@code **} as a whole segment matches any number of directories.</li>
 * </ul>
 */
public final class IgnorePattern {
    private final String source;
    private final boolean negated;
    private final boolean directoryOnly;
    private final Pattern regex;

    private IgnorePattern(String source, boolean negated, boolean directoryOnly, Pattern regex) {
        this.source = source;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.regex = regex;
    }

    /** Parses one line of a .gitignore file; null for blank lines and comments. */
    public static IgnorePattern parse(String line) {
        String pattern = stripTrailingSpaces(line);
        if (pattern.isEmpty() || pattern.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (pattern.startsWith("!")) {
            negated = true;
            pattern = pattern.substring(1);
        } else if (pattern.startsWith("\\!") || pattern.startsWith("\\#")) {
            pattern = pattern.substring(1);
        }
        boolean directoryOnly = false;
        while (pattern.endsWith("/") && !pattern.endsWith("\\/")) {
            directoryOnly = true;
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (pattern.isEmpty()) {
            return null;
        }
        boolean anchored = pattern.indexOf('/') >= 0;
        if (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        String body = translate(pattern);
        String regex = anchored ? body : "(?:.*/)?" + body;
        return new IgnorePattern(line, negated, directoryOnly, Pattern.compile(regex, Pattern.DOTALL));
    }

    /** Whether this pattern (ignoring its negation) matches the relative path. */
    public boolean matches(String relativePath, boolean isDirectory) {
        if (directoryOnly && !isDirectory) {
            return false;
        }
        return regex.matcher(relativePath).matches();
    }

    public boolean negated() {
        return negated;
    }

    @Override
    public String toString() {
        return source;
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static String translate(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] segments = glob.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            boolean last = s == segments.length - 1;
            if (segment.equals("**")) {
                if (last) {
                    // "dir/**" matches everything inside dir, at any depth.
                    regex.append(".+");
                } else {
                    // "**/" matches zero or more whole directories.
                    regex.append("(?:.*/)?");
                }
                continue;
            }
            translateSegment(segment, regex);
            if (!last) {
                regex.append('/');
            }
        }
        return regex.toString();
    }

    private static void translateSegment(String segment, StringBuilder regex) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> {
                    regex.append("[^/]*");
                    while (i + 1 < segment.length() && segment.charAt(i + 1) == '*') {
                        i++;
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = classEnd(segment, i);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String content = segment.substring(i + 1, close);
                        if (content.startsWith("!") || content.startsWith("^")) {
                            content = "^" + content.substring(1);
                        }
                        regex.append('[').append(content.replace("\\", "\\\\").replace("[", "\\["))
                                .append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < segment.length()) {
                        i++;
                        regex.append(Pattern.quote(String.valueOf(segment.charAt(i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
    }

    private static int classEnd(String segment, int open) {
        int i = open + 1;
        if (i < segment.length() && (segment.charAt(i) == '!' || segment.charAt(i) == '^')) {
            i++;
        }
        if (i < segment.length() && segment.charAt(i) == ']') {
            i++;
        }
        return segment.indexOf(']', i);
    }
}
