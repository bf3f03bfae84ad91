package dev.pitfall.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one .gitignore file (or one configuration list), relative to the directory they
 * belong to. Within one list the last matching pattern decides, as in git.
 */
public final class IgnoreRules {
    private final Path base;
    private final List<IgnorePattern> patterns;
    /**
     * False when every pattern is for directories only (like all the default excludes): then no
     * file needs its relative path worked out, which the walk would otherwise do for every file.
     */
    private final boolean filesCanMatch;
    /**
     * The base's path with a trailing separator: a path below the base starts with it, and the rest
     * is the relative path. String operations, because the walk asks about every file and folder,
     * and Path.startsWith and relativize cost it more than the matching.
     */
    private final String basePrefix;

    public IgnoreRules(Path base, List<IgnorePattern> patterns) {
        this.base = base;
        String separator = base.getFileSystem().getSeparator();
        String text = base.toString();
        this.basePrefix = text.endsWith(separator) ? text : text + separator;
        this.patterns = List.copyOf(patterns);
        this.filesCanMatch = patterns.stream().anyMatch(pattern -> !pattern.directoryOnly());
    }

    /** Parses the lines of a .gitignore file in the given directory. */
    public static IgnoreRules ofLines(Path base, List<String> lines) {
        List<IgnorePattern> patterns = new ArrayList<>();
        for (String line : lines) {
            IgnorePattern pattern = IgnorePattern.parse(line);
            if (pattern != null) {
                patterns.add(pattern);
            }
        }
        return new IgnoreRules(base, patterns);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * TRUE if the last pattern matching the path ignores it, FALSE if it re-includes it
     * ({@code !pattern}), null if no pattern matches or the path lies outside the base directory.
     */
    public Boolean decide(Path absolute, boolean isDirectory) {
        if (!isDirectory && !filesCanMatch) {
            return null;
        }
        String path = absolute.toString();
        if (path.length() <= basePrefix.length() || !path.startsWith(basePrefix)) {
            return null;
        }
        String relative = slashed(path.substring(basePrefix.length()));
        int names = IgnorePattern.nameCount(relative);
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern pattern = patterns.get(i);
            if (pattern.matches(relative, names, isDirectory)) {
                return !pattern.negated();
            }
        }
        return null;
    }

    /**
     * Whether the path or one of its directories (below the base) is ignored: how a pattern
     * applies to a file that was named explicitly rather than found by walking.
     */
    public boolean coversPathOrParent(Path absolute) {
        if (!absolute.startsWith(base)) {
            return false;
        }
        Path relative = base.relativize(absolute);
        for (int depth = 1; depth <= relative.getNameCount(); depth++) {
            Boolean decision = decide(base.resolve(relative.subpath(0, depth)), depth < relative.getNameCount());
            if (Boolean.TRUE.equals(decision)) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(String relative) {
        return relative.replace('\\', '/');
    }
}
