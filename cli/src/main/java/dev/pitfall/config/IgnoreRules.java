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

    public IgnoreRules(Path base, List<IgnorePattern> patterns) {
        this.base = base;
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
        if (!absolute.startsWith(base) || absolute.equals(base)) {
            return null;
        }
        String relative = slashed(base.relativize(absolute));
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern pattern = patterns.get(i);
            if (pattern.matches(relative, isDirectory)) {
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

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
