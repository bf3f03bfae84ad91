package dev.pitfall.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds and reads the {@code [tool.pitfall]} table of pyproject.toml; never guesses at typos. */
public final class ConfigLoader {
    private static final Set<String> KNOWN_KEYS = Set.of("select", "extend-select", "ignore", "exclude",
            "extend-exclude", "per-file-ignores", "severity");

    /** Created on first use: Jackson's start-up costs runs without a pyproject.toml a large share of their time. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private ConfigLoader() {
    }

    /**
     * The nearest pyproject.toml with a {@code [tool.pitfall]} table in the start directory or
     * one of its parents, as Ruff looks for {@code [tool.ruff]}.
     */
    public static Optional<PitfallConfig> discover(Path start) throws ConfigException {
        Path directory = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            directory = directory.getParent();
        }
        for (; directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("pyproject.toml");
            if (Files.isRegularFile(candidate)) {
                JsonNode table = readTable(candidate);
                if (table != null) {
                    return Optional.of(parse(candidate, table));
                }
            }
        }
        return Optional.empty();
    }

    /** Reads a configuration file named with {@code --config}; it must have [tool.pitfall]. */
    public static PitfallConfig load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        JsonNode table = readTable(absolute);
        if (table == null) {
            throw new ConfigException(file + ": no [tool.pitfall] table");
        }
        return parse(absolute, table);
    }

    private static JsonNode readTable(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(file + ": invalid TOML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode table = root == null ? null : root.path("tool").get("pitfall");
        if (table == null) {
            return null;
        }
        if (!table.isObject()) {
            throw new ConfigException(file + ": [tool.pitfall] must be a table");
        }
        return table;
    }

    static PitfallConfig parse(Path file, JsonNode table) throws ConfigException {
        for (Iterator<String> names = table.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "' in [tool.pitfall] (known keys: "
                        + String.join(", ", KNOWN_KEYS.stream().sorted().toList()) + ")");
            }
        }
        Map<String, List<String>> perFileIgnores = new LinkedHashMap<>();
        JsonNode perFile = table.get("per-file-ignores");
        if (perFile != null) {
            if (!perFile.isObject()) {
                throw new ConfigException(file + ": 'per-file-ignores' must be a table of glob = [rules]");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = perFile.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                perFileIgnores.put(entry.getKey(),
                        strings(file, "per-file-ignores.\"" + entry.getKey() + "\"", entry.getValue()));
            }
        }
        Map<String, String> severity = new LinkedHashMap<>();
        JsonNode severities = table.get("severity");
        if (severities != null) {
            if (!severities.isObject()) {
                throw new ConfigException(file + ": 'severity' must be a table of rule = \"error\"|\"warning\"|\"note\"");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = severities.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isTextual()) {
                    throw new ConfigException(file + ": severity of '" + entry.getKey() + "' must be a string");
                }
                severity.put(entry.getKey(), entry.getValue().asText());
            }
        }
        JsonNode select = table.get("select");
        JsonNode exclude = table.get("exclude");
        return new PitfallConfig(file, file.getParent(),
                select == null ? null : strings(file, "select", select),
                optionalStrings(file, "extend-select", table),
                optionalStrings(file, "ignore", table),
                exclude == null ? null : strings(file, "exclude", exclude),
                optionalStrings(file, "extend-exclude", table),
                perFileIgnores, severity);
    }

    private static List<String> optionalStrings(Path file, String key, JsonNode table) throws ConfigException {
        JsonNode value = table.get(key);
        return value == null ? List.of() : strings(file, key, value);
    }

    private static List<String> strings(Path file, String key, JsonNode value) throws ConfigException {
        if (!value.isArray()) {
            throw new ConfigException(file + ": '" + key + "' must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new ConfigException(file + ": '" + key + "' must be an array of strings, found " + item);
            }
            strings.add(item.asText());
        }
        return strings;
    }
}
