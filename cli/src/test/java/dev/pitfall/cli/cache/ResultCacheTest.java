package dev.pitfall.cli.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.config.PitfallConfig;
import dev.pitfall.config.Settings;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Severity;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.NotebookPosition;
import dev.pitfall.report.ReportedFinding;
import dev.pitfall.source.TextRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack format, staleness checks, expiry and failure handling of the result cache. */
class ResultCacheTest {
    private static final String KEY = "build test\nrules PF101=ERROR";
    /** Long after the files were written: their stamps are trusted. */
    private static final Instant LATER = Instant.now().plus(Duration.ofHours(1));

    @TempDir
    Path project;
    private Path cacheDirectory;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cacheDirectory = project.resolve(".pitfall_cache");
    }

    private ResultCache open(String key, Instant now) {
        return ResultCache.openAt(cacheDirectory, key, warnings::add, now);
    }

    private Path write(String name, String content) throws IOException {
        Path file = project.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        return file;
    }

    /** A report using every field the pack stores, including notebook positions and nulls. */
    private static FileReport richReport(String path) {
        Finding withRelated = new Finding(path, "PF102", "late-binding-closure", Severity.WARNING, "\"name\" is read late",
                new TextRange(7, 55, 7, 59), List.of(new Finding.RelatedLocation(new TextRange(5, 5, 5, 9), "rebound here")));
        Finding plain = new Finding(path, "PF101", "mutable-default-argument", Severity.ERROR, "shared list é",
                new TextRange(9, 1, 10, 4), List.of());
        List<ReportedFinding> findings = List.of(
                new ReportedFinding(withRelated, "        lambda: name", 0, new NotebookPosition(3, 3, 3, 27, 27),
                        List.of(new NotebookPosition(3, 1, 1, 25, 25)), "0123456789abcdef0123456789abcdef:1"),
                new ReportedFinding(plain, "def f(x=[]):", 61, new NotebookPosition(4, 1, 2, 40, 41), List.of(),
                        "fedcba9876543210fedcba9876543210:2"));
        return new FileReport(path, true, findings, List.of(new Diagnostic(path, Diagnostic.Kind.UNREADABLE, null, "odd")));
    }

    private static FileReport plainReport(String path) {
        Finding finding = new Finding(path, "PF101", "mutable-default-argument", Severity.ERROR, "shared",
                new TextRange(1, 7, 1, 9), List.of());
        return new FileReport(path, false, List.of(new ReportedFinding(finding, "def f(x=[]): pass", 0, null, List.of(),
                "00112233445566778899aabbccddeeff:1")), List.of());
    }

    private void analyseAndStore(ResultCache cache, Path file, String display, FileReport report) {
        ResultCache.Lookup lookup = cache.lookup(file, display);
        assertNull(lookup.cached(), "expected a miss for " + display);
        assertNotNull(lookup.content());
        cache.store(lookup, report);
    }

    @Test
    void aSavedReportComesBackEqualWithoutReadingTheFile() throws IOException {
        Path notebook = write("cells.ipynb", "{\"cells\": []}");
        Path script = write("a.py", "def f(x=[]): pass\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, notebook, "cells.ipynb", richReport("cells.ipynb"));
        analyseAndStore(first, script, "a.py", plainReport("a.py"));
        first.save();

        ResultCache second = open(KEY, LATER);
        ResultCache.Lookup hit = second.lookup(notebook, "cells.ipynb");
        assertEquals(richReport("cells.ipynb"), hit.cached());
        assertNull(hit.content(), "a hit by stamp does not read the file");
        assertEquals(plainReport("a.py"), second.lookup(script, "a.py").cached());
        assertEquals(2, second.hits());
        assertEquals(0, second.misses());
        assertEquals(List.of(), warnings);
        assertEquals("# Created by pitfall: nothing in this directory belongs in git.\n*\n",
                Files.readString(cacheDirectory.resolve(".gitignore")));
    }

    @Test
    void changedContentIsAMissEvenWithTheSameSize() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, file, "a.py", plainReport("a.py"));
        first.save();

        write("a.py", "y = 2\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        ResultCache second = open(KEY, LATER);
        ResultCache.Lookup lookup = second.lookup(file, "a.py");
        assertNull(lookup.cached());
        assertEquals("y = 2\n", new String(lookup.content(), StandardCharsets.UTF_8));
        assertEquals(1, second.misses());
    }

    @Test
    void aTouchedButUnchangedFileIsAHitByHash() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, file, "a.py", plainReport("a.py"));
        first.save();

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        ResultCache second = open(KEY, LATER);
        ResultCache.Lookup lookup = second.lookup(file, "a.py");
        assertEquals(plainReport("a.py"), lookup.cached());
        second.save();
        // The new stamp was saved: the next lookup needs no read.
        assertNull(open(KEY, LATER).lookup(file, "a.py").content());
    }

    @Test
    void aStampTooCloseToTheRunIsCheckedByHashNextTime() throws IOException {
        Path file = write("a.py", "x = 1\n");
        FileTime stamp = FileTime.from(Instant.now());
        Files.setLastModifiedTime(file, stamp);
        // Analysed at the moment of its modification: an edit within the same clock tick would
        // leave size and time unchanged, so the stamp must not be trusted.
        ResultCache first = open(KEY, stamp.toInstant());
        analyseAndStore(first, file, "a.py", plainReport("a.py"));
        first.save();

        Files.writeString(file, "y = 2\n");
        Files.setLastModifiedTime(file, stamp);
        ResultCache second = open(KEY, LATER);
        assertNull(second.lookup(file, "a.py").cached(), "same size and time, other content: still a miss");
    }

    @Test
    void anotherDisplayPathIsAMissBecauseReportsNameTheFile() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, file, "a.py", plainReport("a.py"));
        first.save();
        assertNull(open(KEY, LATER).lookup(file, "../project/a.py").cached());
    }

    @Test
    void eachRunKeyHasItsOwnPack() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache narrow = open(KEY, LATER);
        analyseAndStore(narrow, file, "a.py", plainReport("a.py"));
        narrow.save();

        ResultCache otherBuild = open(KEY.replace("build test", "build rebuilt"), LATER);
        analyseAndStore(otherBuild, file, "a.py", FileReport.failed("a.py", false, List.of()));
        otherBuild.save();

        assertEquals(plainReport("a.py"), open(KEY, LATER).lookup(file, "a.py").cached(),
                "a run with the other key did not evict this one's entries");
        try (Stream<Path> packs = Files.list(cacheDirectory)) {
            assertEquals(2, packs.filter(p -> p.getFileName().toString().endsWith(".bin")).count());
        }
    }

    @Test
    void runKeyCoversBuildRulesSeveritiesAndConfigurationText() throws Exception {
        Settings defaults = Settings.resolve(PitfallConfig.empty(project), Settings.Overrides.none());
        Settings narrower = Settings.resolve(PitfallConfig.empty(project),
                new Settings.Overrides(List.of("PF101"), List.of(), List.of(), null, List.of(), Map.of()));
        Settings quieter = Settings.resolve(PitfallConfig.empty(project),
                new Settings.Overrides(null, List.of(), List.of(), null, List.of(), Map.of("PF101", "note")));
        Path config = write("pyproject.toml", "[tool.pitfall]\nper-file-ignores = {\"tests/*\" = [\"PF101\"]}\n");
        String base = ResultCache.runKey("1.0 jar:1", defaults, config);

        assertEquals(base, ResultCache.runKey("1.0 jar:1", defaults, config));
        assertNotEquals(base, ResultCache.runKey("1.0 jar:2", defaults, config));
        assertNotEquals(base, ResultCache.runKey("1.0 jar:1", narrower, config));
        assertNotEquals(base, ResultCache.runKey("1.0 jar:1", quieter, config));
        assertNotEquals(base, ResultCache.runKey("1.0 jar:1", defaults, null));
        Files.writeString(config, "[tool.pitfall]\nper-file-ignores = {\"tests/*\" = [\"PF102\"]}\n");
        assertNotEquals(base, ResultCache.runKey("1.0 jar:1", defaults, config));
    }

    @Test
    void theBuildIdentityIsKnownAndStable() {
        String identity = BuildIdentity.current().orElseThrow();
        assertEquals(identity, BuildIdentity.current().orElseThrow());
        assertTrue(identity.contains("classes") || identity.contains(".jar"), identity);
    }

    @Test
    void aDamagedPackIsIgnoredWithOneWarningAndRebuilt() throws IOException {
        Path a = write("a.py", "x = 1\n");
        Path b = write("b.py", "x = 2\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, a, "a.py", plainReport("a.py"));
        analyseAndStore(first, b, "b.py", plainReport("b.py"));
        first.save();
        Path pack = onlyPack();
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(pack, bytes);

        ResultCache damaged = open(KEY, LATER);
        assertNull(damaged.lookup(a, "a.py").cached());
        assertNull(damaged.lookup(b, "b.py").cached());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("ignoring the damaged result cache "), warnings.get(0));
        damaged.save();

        warnings.clear();
        ResultCache rebuilt = open(KEY, LATER);
        assertNull(rebuilt.lookup(a, "a.py").cached(), "the damaged entries were dropped, not resurrected");
        assertEquals(List.of(), warnings);
    }

    @Test
    void truncatedAndForeignPacksAreIgnored() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, file, "a.py", plainReport("a.py"));
        first.save();
        Path pack = onlyPack();
        byte[] bytes = Files.readAllBytes(pack);

        for (byte[] broken : List.of(new byte[0], new byte[] {1, 2, 3}, java.util.Arrays.copyOf(bytes, bytes.length - 9),
                "not a pack at all, just some text".getBytes(StandardCharsets.UTF_8))) {
            Files.write(pack, broken);
            warnings.clear();
            ResultCache reopened = open(KEY, LATER);
            assertNull(reopened.lookup(file, "a.py").cached());
            assertEquals(1, warnings.size(), warnings.toString());
        }
    }

    @Test
    void anUnwritableDirectoryWarnsOnceAndNeverThrows() throws IOException {
        Files.writeString(cacheDirectory, "a file where the cache directory should be");
        Path a = write("a.py", "x = 1\n");
        Path b = write("b.py", "x = 2\n");
        ResultCache cache = open(KEY, LATER);
        analyseAndStore(cache, a, "a.py", plainReport("a.py"));
        cache.save();
        analyseAndStore(cache, b, "b.py", plainReport("b.py"));
        cache.save();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot write the result cache in "), warnings.get(0));
    }

    @Test
    void reportsWithInternalErrorsAreNotStored() throws IOException {
        Path file = write("a.py", "x = 1\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, file, "a.py", FileReport.failed("a.py", false,
                List.of(new Diagnostic("a.py", Diagnostic.Kind.INTERNAL_ERROR, "PF101", "bug"))));
        first.save();
        assertNull(open(KEY, LATER).lookup(file, "a.py").cached());
        assertFalse(Files.exists(cacheDirectory), "nothing to save, nothing written");
    }

    @Test
    void entriesUnusedForAMonthAreDropped() throws IOException {
        Path old = write("old.py", "x = 1\n");
        Path recent = write("recent.py", "x = 2\n");
        ResultCache first = open(KEY, LATER);
        analyseAndStore(first, old, "old.py", plainReport("old.py"));
        first.save();

        Instant monthLater = LATER.plus(Duration.ofDays(ResultCache.KEEP_DAYS + 1));
        ResultCache second = open(KEY, monthLater);
        analyseAndStore(second, recent, "recent.py", plainReport("recent.py"));
        second.save();

        ResultCache third = open(KEY, monthLater);
        assertEquals(plainReport("recent.py"), third.lookup(recent, "recent.py").cached());
        assertNull(third.lookup(old, "old.py").cached());
    }

    @Test
    void aMissingFileIsNeitherHitNorMiss() {
        ResultCache.Lookup lookup = open(KEY, LATER).lookup(project.resolve("gone.py"), "gone.py");
        assertNull(lookup.cached());
        assertNull(lookup.content());
    }

    /**
     * Entries are keyed by their own file alone, which is right only while a file's results depend
     * on nothing else: no rule or semantic analysis may read files, the environment or system
     * properties. Checked on the compiled classes, so a rule added later cannot break it silently.
     */
    @Test
    void rulesAndTheSemanticModelReadNothingButTheirOwnFile() throws Exception {
        Path classes = Path.of(dev.pitfall.lint.Linter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> forbidden = List.of("java/nio/file/", "java/io/File", "java/net/", "getenv", "getProperty",
                "java/lang/ProcessBuilder", "java/lang/ClassLoader");
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (java.nio.file.FileSystem jar = Files.isDirectory(classes) ? null
                : java.nio.file.FileSystems.newFileSystem(classes)) {
            Path root = jar == null ? classes : jar.getPath("/");
            for (String area : List.of("dev/pitfall/rules", "dev/pitfall/semantic", "dev/pitfall/lint")) {
                try (Stream<Path> files = Files.walk(root.resolve(area))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        checked++;
                        for (String name : forbidden) {
                            if (constants.contains(name)) {
                                offenders.add(root.relativize(file) + " uses " + name);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "found the rule classes (" + checked + ")");
        assertEquals(List.of(), offenders);
    }

    private Path onlyPack() throws IOException {
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
        }
    }
}
