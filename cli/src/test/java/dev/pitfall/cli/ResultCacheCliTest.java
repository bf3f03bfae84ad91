package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pitfall check} with the result cache, in-process: the same bytes on every channel with and
 * without it in every format, hits and misses as files, configuration and cache files change.
 */
class ResultCacheCliTest {
    private static final String BAD = "def collect(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n";
    /** PF102 in the second code cell with a related location in the same cell, PF101 in the third. */
    private static final String NOTEBOOK = """
            {
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Hooks"]},
              {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
               "source": ["activations = {}\\n", "layers = [('a', 1), ('b', 2)]"]},
              {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
               "source": ["hooks = []\\n", "for name, layer in layers:\\n", "    hooks.append(lambda out: activations.__setitem__(name, out))"]},
              {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
               "source": ["def gather(x, into=[]):\\n", "    into.append(x)\\n", "    return into"]}
             ],
             "metadata": {"language_info": {"name": "python"}},
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;
    private static final Pattern CACHE_COUNTS = Pattern.compile("cache: (\\d+) hits, (\\d+) misses");

    @TempDir
    Path project;

    @BeforeEach
    void writeProject() throws IOException {
        write("pkg/bad.py", BAD);
        write("pkg/good.py", "def collect(item):\n    return [item]\n");
        write("broken.py", "def f(:\n    pass\n");
        Files.write(project.resolve("latin.py"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xe9, '"', '\n'});
        write("hooks.ipynb", NOTEBOOK);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private CliRun check(Path directory, Map<String, String> env, String... args) {
        String[] all = Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new);
        return CliRun.with(directory, "", env, false, all);
    }

    private CliRun check(String... args) {
        return check(project, Map.of(), args);
    }

    /** Hits and misses that --verbose reports. */
    private static long[] counts(CliRun run) {
        Matcher matcher = CACHE_COUNTS.matcher(run.err());
        assertTrue(matcher.find(), run.err());
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }

    private static void assertCounts(long hits, long misses, CliRun run) {
        long[] counts = counts(run);
        assertEquals(hits + " hits, " + misses + " misses", counts[0] + " hits, " + counts[1] + " misses", run.err());
    }

    @Test
    void everyFormatIsByteIdenticalWithAndWithoutTheCache() {
        List<List<String>> variants = List.of(List.of("--format", "text"), List.of("--format", "text", "--statistics"),
                List.of("--format", "json"), List.of("--format", "sarif"), List.of("--format", "github"),
                List.of("--format", "json", "--statistics"));
        for (List<String> variant : variants) {
            String[] args = variant.toArray(String[]::new);
            CliRun uncached = check(Stream.concat(Stream.of("--no-cache"), variant.stream()).toArray(String[]::new));
            CliRun filling = check(args);
            CliRun cached = check(args);
            for (CliRun run : List.of(filling, cached)) {
                assertEquals(uncached.out(), run.out(), variant.toString());
                assertEquals(uncached.err(), run.err(), variant.toString());
                assertEquals(uncached.exitCode(), run.exitCode(), variant.toString());
            }
        }
        String text = check("--no-cache").out();
        assertTrue(text.contains("hooks.ipynb:cell 3:3:"), text);
        assertTrue(text.contains("related: hooks.ipynb:cell 3:2:"), text);
        assertTrue(text.contains("hooks.ipynb:cell 4:1:"), text);
        assertTrue(text.contains("broken.py:1:"), text);
        assertTrue(text.contains("error: latin.py: "), text);
        assertCounts(5, 0, check("--verbose"));
    }

    @Test
    void aSecondRunAnalysesNothingAndAChangedFileIsAnalysedAgain() throws IOException {
        assertCounts(0, 5, check("--verbose"));
        assertCounts(5, 0, check("--verbose"));

        write("pkg/good.py", BAD);
        CliRun afterEdit = check("--verbose");
        assertCounts(4, 1, afterEdit);
        assertTrue(afterEdit.out().contains("pkg/good.py:1:26: PF101"), afterEdit.out());
        assertEquals(check("--no-cache").out(), afterEdit.out());
    }

    @Test
    void trustedStampsServeFilesWithoutReadingThem() throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            FileTime past = FileTime.from(Instant.now().minus(Duration.ofMinutes(10)));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
        CliRun first = check("--verbose");
        assertCounts(0, 5, first);
        CliRun second = check("--verbose");
        assertCounts(5, 0, second);
        assertTrue(second.err().contains("read 0."), second.err());
        assertEquals(first.out(), second.out());
    }

    @Test
    void configurationChangesInvalidateResults() throws IOException {
        write("pyproject.toml", "[tool.pitfall]\nseverity = {PF101 = \"note\"}\n");
        CliRun asNote = check("--verbose");
        assertTrue(asNote.out().contains("PF101 [mutable-default-argument]"), asNote.out());
        assertTrue(asNote.out().contains("note"), asNote.out());
        assertCounts(5, 0, check("--verbose"));

        write("pyproject.toml", "[tool.pitfall]\nseverity = {PF101 = \"note\"}\nper-file-ignores = {\"pkg/*\" = [\"PF101\"]}\n");
        CliRun ignored = check("--verbose");
        assertCounts(0, 5, ignored);
        assertFalse(ignored.out().contains("pkg/bad.py"), ignored.out());
        assertEquals(check("--no-cache").out(), ignored.out());

        CliRun narrowed = check("--verbose", "--select", "PF102");
        assertCounts(0, 5, narrowed);
        assertFalse(narrowed.out().contains("PF101"), narrowed.out());
        assertCounts(5, 0, check("--verbose"));
        assertCounts(5, 0, check("--verbose", "--select", "PF102"));

        CliRun louder = check("--verbose", "--severity", "PF101=error");
        assertCounts(0, 5, louder);
        assertEquals(check("--no-cache", "--severity", "PF101=error").out(), louder.out());
    }

    @Test
    void theCacheLivesNextToTheConfigurationOrInTheWorkingDirectory() throws IOException {
        check();
        assertTrue(Files.isRegularFile(project.resolve(".pitfall_cache/.gitignore")));
        assertEquals("# Created by pitfall: nothing in this directory belongs in git.\n*\n",
                Files.readString(project.resolve(".pitfall_cache/.gitignore")));

        write("sub/pyproject.toml", "[tool.pitfall]\nignore = [\"PF102\"]\n");
        write("sub/deeper/a.py", BAD);
        check(project.resolve("sub/deeper"), Map.of());
        assertTrue(Files.isDirectory(project.resolve("sub/.pitfall_cache")), "next to sub/pyproject.toml");
        assertFalse(Files.exists(project.resolve("sub/deeper/.pitfall_cache")));

        check("--cache-dir", "elsewhere/cache");
        assertTrue(Files.isDirectory(project.resolve("elsewhere/cache")));
        check(project, Map.of("PITFALL_CACHE_DIR", "from-env"));
        assertTrue(Files.isDirectory(project.resolve("from-env")));
    }

    @Test
    void noCacheNeitherReadsNorWrites() {
        CliRun run = check("--no-cache", "--verbose");
        assertTrue(run.err().contains("cache: off"), run.err());
        assertFalse(Files.exists(project.resolve(".pitfall_cache")));
    }

    @Test
    void aDamagedCacheCostsOneWarningAndChangesNoResult() throws IOException {
        CliRun clean = check();
        Path pack;
        try (Stream<Path> files = Files.list(project.resolve(".pitfall_cache"))) {
            pack = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Files.writeString(pack, "garbage");
        CliRun damaged = check();
        assertEquals(clean.out(), damaged.out());
        assertEquals(clean.exitCode(), damaged.exitCode());
        assertTrue(damaged.err().startsWith("pitfall: warning: ignoring the damaged result cache "), damaged.err());
        assertEquals(1, damaged.err().lines().count(), damaged.err());
        assertEquals("", check().err(), "rebuilt");
    }

    @Test
    void anUnwritableCacheCostsOneWarningAndChangesNoResult() throws IOException {
        write("blocked", "a file, not a directory");
        CliRun clean = check("--no-cache");
        CliRun blocked = check("--cache-dir", "blocked/cache");
        assertEquals(clean.out(), blocked.out());
        assertEquals(clean.exitCode(), blocked.exitCode());
        assertTrue(blocked.err().startsWith("pitfall: warning: cannot write the result cache in "), blocked.err());
        assertEquals(1, blocked.err().lines().count(), blocked.err());
    }

    @Test
    void verboseNamesEveryStage() {
        CliRun run = check("--verbose", "--threads", "2");
        for (String stage : List.of("files/s", "on 2 threads", "discovery", "cache load", "read", "parse",
                "semantic model", "rules", "cache save", "output")) {
            assertTrue(run.err().contains(stage), stage + " in " + run.err());
        }
        assertEquals(check("--no-cache").out(), run.out(), "--verbose writes to standard error only");
    }

    @Test
    void standardInputIsNeverCached() {
        CliRun run = CliRun.with(project, BAD, Map.of(), false, "check", "--verbose", "-");
        assertTrue(run.err().contains("cache: off"), run.err());
        assertFalse(Files.exists(project.resolve(".pitfall_cache")));
    }
}
