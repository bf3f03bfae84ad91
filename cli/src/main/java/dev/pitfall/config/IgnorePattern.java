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
    /** Matched against the whole relative path, or only its last name when {@link #lastNameOnly}. */
    private final Pattern regex;
    /**
     * A pattern without '/' that cannot match a '/' either (no class, not "**") matches a path
     * exactly when it matches the path's last name: testing that name alone spares the regex
     * engine trying the pattern after every '/' of a long path (the walk tests every path against
     * every pattern).
     */
    private final boolean lastNameOnly;
    /** The name itself when the pattern is a plain name without wildcards or escapes, else null. */
    private final String literalName;
    /**
     * For an anchored pattern without "**", the number of names of every path it can match (its
     * wildcards never match '/'), so that a path of another depth is rejected without the regex:
     * the walk below a deep folder of a repository tests every path against the repository's
     * anchored patterns. -1 when the depth is not fixed.
     */
    private final int names;

    private IgnorePattern(String source, boolean negated, boolean directoryOnly, Pattern regex, boolean lastNameOnly,
            String literalName, int names) {
        this.source = source;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.regex = regex;
        this.lastNameOnly = lastNameOnly;
        this.literalName = literalName;
        this.names = names;
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
        if (!anchored && pattern.indexOf('[') < 0 && !pattern.equals("**")) {
            return new IgnorePattern(line, negated, directoryOnly, Pattern.compile(body, Pattern.DOTALL), true,
                    isPlainName(pattern) ? pattern : null, -1);
        }
        String regex = anchored ? body : "(?:.*/)?" + body;
        int names = anchored && !pattern.contains("**") ? nameCount(pattern) : -1;
        return new IgnorePattern(line, negated, directoryOnly, Pattern.compile(regex, Pattern.DOTALL), false, null,
                names);
    }

    /** Whether this pattern (ignoring its negation) matches the relative path. */
    public boolean matches(String relativePath, boolean isDirectory) {
        return matches(relativePath, nameCount(relativePath), isDirectory);
    }

    /** As {@link #matches(String, boolean)}, given the number of names in the path. */
    public boolean matches(String relativePath, int pathNames, boolean isDirectory) {
        if (directoryOnly && !isDirectory) {
            return false;
        }
        if (!lastNameOnly) {
            return (names < 0 || names == pathNames) && regex.matcher(relativePath).matches();
        }
        int nameStart = relativePath.lastIndexOf('/') + 1;
        if (literalName != null) {
            return relativePath.length() - nameStart == literalName.length()
                    && relativePath.startsWith(literalName, nameStart);
        }
        return regex.matcher(relativePath.substring(nameStart)).matches();
    }

    public boolean negated() {
        return negated;
    }

    /** Whether the pattern ended in '/' and so matches directories only. */
    public boolean directoryOnly() {
        return directoryOnly;
    }

    @Override
    public String toString() {
        return source;
    }

    /** The number of '/'-separated names in a relative path. */
    static int nameCount(String relativePath) {
        int count = 1;
        for (int i = relativePath.indexOf('/'); i >= 0; i = relativePath.indexOf('/', i + 1)) {
            count++;
        }
        return count;
    }

    private static boolean isPlainName(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                return false;
            }
        }
        return true;
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
