package dev.pitfall.cli.cache;

import dev.pitfall.lint.Linter;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.ToolInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which build of pitfall is running, as far as results go: the version plus a stamp of the code
 * that makes reports (parser, rules, reporting). Developers rebuild without changing the version,
 * so the version alone would serve reports of the old rules. A jar is stamped by its size and
 * modification time (one stat; any rebuild changes them); classes in directories, as in the IDE
 * or Maven's tests, by their count, total size and newest modification time.
 */
public final class BuildIdentity {
    private static final List<Class<?>> RESULT_MAKERS = List.of(SourceParser.class, Linter.class, FileReport.class);

    private BuildIdentity() {
    }

    /** Empty when the code cannot be located or read, so that builds cannot be told apart. */
    public static Optional<String> current() {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> maker : RESULT_MAKERS) {
            Path location = location(maker);
            if (location == null) {
                return Optional.empty();
            }
            locations.add(location);
        }
        StringBuilder identity = new StringBuilder(ToolInfo.version());
        for (Path location : locations) {
            String stamp = stamp(location);
            if (stamp == null) {
                return Optional.empty();
            }
            identity.append(' ').append(stamp);
        }
        return Optional.of(identity.toString());
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static String stamp(Path location) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return location + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
            }
            long[] summary = new long[3];
            try (Stream<Path> files = Files.walk(location)) {
                files.forEach(file -> {
                    try {
                        BasicFileAttributes each = Files.readAttributes(file, BasicFileAttributes.class);
                        summary[0]++;
                        summary[1] += each.size();
                        summary[2] = Math.max(summary[2], each.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return location + ":" + summary[0] + ":" + summary[1] + ":" + summary[2];
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
