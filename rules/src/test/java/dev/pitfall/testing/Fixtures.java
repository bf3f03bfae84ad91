package dev.pitfall.testing;

import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test data lives, and how tests read a fixture. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository root: the {@code pitfall.root} property set by the build, else the working directory's parent. */
    public static Path root() {
        String configured = System.getProperty("pitfall.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("testdata"))) {
            throw new IllegalStateException("no testdata/ under " + root + " (set -Dpitfall.root)");
        }
        return root;
    }

    /** Reads a fixture as the linter would see it. */
    public static SourceFile load(Path file) {
        try {
            return SourceReader.read(file, file.toString());
        } catch (SourceException e) {
            throw new IllegalStateException("cannot read fixture " + file + ": " + e.getMessage(), e);
        }
    }
}
