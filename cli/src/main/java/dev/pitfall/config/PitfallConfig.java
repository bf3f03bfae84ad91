package dev.pitfall.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code [tool.pitfall]} table of one pyproject.toml, as written (rule selectors unresolved).
 * {@code file} is null when no configuration was found; {@code root} is the directory relative to
 * which the exclude and per-file-ignores patterns are read. {@code select} and {@code exclude} are
 * null when absent, so that the defaults apply.
 */
public record PitfallConfig(Path file, Path root, List<String> select, List<String> extendSelect,
        List<String> ignore, List<String> exclude, List<String> extendExclude,
        Map<String, List<String>> perFileIgnores, Map<String, String> severity) {

    public static PitfallConfig empty(Path root) {
        return new PitfallConfig(null, root, null, List.of(), List.of(), null, List.of(), Map.of(), Map.of());
    }

    /** How messages name where a setting came from. */
    public String origin() {
        return file == null ? "the command line" : file.toString();
    }
}
