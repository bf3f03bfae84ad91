package dev.pitfall.testing;

import dev.pitfall.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    public static SourceFile load(Path file) throws IOException {
        if (file.toString().endsWith(".ipynb")) {
            throw new IllegalStateException("notebook fixtures need the notebook loader: " + file);
        }
        return SourceFile.ofText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
