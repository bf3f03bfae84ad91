package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.ast.AstDump;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds our parser against CPython 3.13 over every .py file of CPython's own standard library
 * (its test suite included, site-packages excluded):
 * <ol>
 * <li>we accept exactly the files that CPython's {@code compile()} accepts (a file is accepted by
 * us when {@link SourceReader} decodes it and {@link SourceParser#parse} succeeds);</li>
 * <li>for at least 99.5% of the accepted files our {@link AstDump} equals CPython's
 * {@code ast.dump(ast.parse(source), include_attributes=True)}, and every file that differs is
 * listed, with its reason, in {@code conformance-known-differences.txt}; a listed file that now
 * matches fails the test too, so that the list stays true.</li>
 * </ol>
 * CPython's side comes from {@code src/test/python/oracle.py}, run once as one process while our
 * side parses. Reports go to {@code target/conformance/}. Without CPython 3.13 (found through
 * {@code PITFALL_PYTHON313} or {@code pyenv prefix 3.13.0}) the test is skipped, loudly.
 */
class CPythonConformanceTest {
    private static final double REQUIRED_DUMP_AGREEMENT = 0.995;
    private static final int MINIMUM_CORPUS_FILES = 1500;
    private static final long ORACLE_TIMEOUT_MINUTES = 30;
    /** Characters of context shown either side of the first difference of two dumps. */
    private static final int CONTEXT = 160;

    /** Our verdict on one file; {@code dumpDigest} is the SHA-256 of our dump for accepted files. */
    private record Ours(boolean accepted, String error, byte[] dumpDigest) {
    }

    @Test
    void parserAgreesWithCPythonOnItsStandardLibrary() throws Exception {
        Path python = locateCPython313();
        if (python == null) {
            String message = "CPythonConformanceTest SKIPPED: CPython 3.13 not found (set PITFALL_PYTHON313 to its"
                    + " python3, or install it with `pyenv install 3.13.0`); the parser was NOT checked against CPython.";
            System.err.println(message);
            Assumptions.assumeTrue(false, message);
        }
        Path stdlib = Path.of(runForLine(python, "-c",
                "import sys, sysconfig; assert sys.version_info[:2] == (3, 13); print(sysconfig.get_paths()['stdlib'])"));
        Path reports = Files.createDirectories(Path.of("target", "conformance"));
        Path oracleOutput = reports.resolve("cpython-oracle.jsonl.gz");
        Process oracle = new ProcessBuilder(python.toString(), projectRoot().resolve("parser/src/test/python/oracle.py").toString(),
                "corpus", oracleOutput.toString(), stdlib.toString())
                .redirectErrorStream(true)
                .redirectOutput(reports.resolve("oracle.log").toFile())
                .start();
        Map<String, Ours> ours;
        long parseNanos;
        try {
            long start = System.nanoTime();
            ours = parseCorpus(stdlib);
            parseNanos = System.nanoTime() - start;
            if (!oracle.waitFor(ORACLE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                fail("oracle.py did not finish within " + ORACLE_TIMEOUT_MINUTES + " minutes");
            }
        } finally {
            oracle.destroy();
        }
        if (oracle.exitValue() != 0) {
            fail("oracle.py failed with exit code " + oracle.exitValue() + "; see " + reports.resolve("oracle.log"));
        }
        compare(stdlib, ours, oracleOutput, reports, parseNanos);
    }

    private void compare(Path stdlib, Map<String, Ours> ours, Path oracleOutput, Path reports, long parseNanos)
            throws IOException {
        Map<String, String> known = knownDifferences();
        List<String> acceptanceDisagreements = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        StringBuilder differenceReport = new StringBuilder();
        List<String> missingOnOurSide = new ArrayList<>();
        int files = 0;
        long lines = 0;
        int cpythonAccepted = 0;
        int bothRejected = 0;
        int sameErrorLine = 0;
        int equalDumps = 0;
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader records = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(oracleOutput)), StandardCharsets.UTF_8))) {
            for (String line = records.readLine(); line != null; line = records.readLine()) {
                JsonNode record = json.readTree(line);
                String path = record.get("path").asText();
                files++;
                lines += record.get("lines").asLong();
                boolean accepted = record.get("accepted").asBoolean();
                Ours mine = ours.remove(path);
                if (mine == null) {
                    missingOnOurSide.add(path);
                    continue;
                }
                if (accepted) {
                    cpythonAccepted++;
                }
                if (accepted != mine.accepted()) {
                    acceptanceDisagreements.add(path + ": CPython " + (accepted ? "accepts" : "rejects ("
                            + record.get("error").asText() + ")") + ", we " + (mine.accepted() ? "accept" : "reject ("
                            + mine.error() + ")"));
                } else if (!accepted) {
                    bothRejected++;
                    String cpythonLine = record.get("error").asText().split(":", 2)[0];
                    if (mine.error().startsWith(cpythonLine + ":")) {
                        sameErrorLine++;
                    }
                } else {
                    String expected = record.get("dump").asText();
                    if (Arrays.equals(sha256(expected), mine.dumpDigest())) {
                        equalDumps++;
                    } else {
                        differing.add(path);
                        differenceReport.append(describeDifference(path, expected, ourDump(stdlib.resolve(path))));
                    }
                }
            }
        }
        List<String> unlisted = differing.stream().filter(path -> !known.containsKey(path)).collect(Collectors.toList());
        List<String> stale = known.keySet().stream().filter(path -> !differing.contains(path)).collect(Collectors.toList());
        double agreement = cpythonAccepted == 0 ? 0 : (double) equalDumps / cpythonAccepted;

        String summary = String.format(Locale.ROOT,
                "CPython 3.13 conformance over %s%n"
                        + "  corpus: %,d files, %,d lines; our side parsed them in %.1f s%n"
                        + "  acceptance: CPython accepts %,d and rejects %,d; we agree on %,d of %,d files (%d disagreements)%n"
                        + "  rejected by both: %d of %d with the same error line%n"
                        + "  dumps: equal for %,d of %,d accepted files (%.3f%%, required %.1f%%)%n"
                        + "  differing dumps: %d (listed as known: %d, unlisted: %d); listed but no longer differing: %d%n"
                        + "  reports: %s%n",
                stdlib, files, lines, parseNanos / 1e9, cpythonAccepted, files - cpythonAccepted,
                files - acceptanceDisagreements.size() - missingOnOurSide.size(), files, acceptanceDisagreements.size(),
                sameErrorLine, bothRejected, equalDumps, cpythonAccepted, 100 * agreement, 100 * REQUIRED_DUMP_AGREEMENT,
                differing.size(), differing.size() - unlisted.size(), unlisted.size(), stale.size(), reports.toAbsolutePath());
        System.out.print(summary);
        Files.writeString(reports.resolve("summary.txt"), summary);
        Files.write(reports.resolve("acceptance-disagreements.txt"), acceptanceDisagreements);
        Files.write(reports.resolve("differing-dumps.txt"), differing);
        Files.writeString(reports.resolve("dump-differences.txt"), differenceReport);

        List<String> problems = new ArrayList<>();
        if (files < MINIMUM_CORPUS_FILES) {
            problems.add("the corpus has only " + files + " files; expected the whole standard library");
        }
        if (!missingOnOurSide.isEmpty() || !ours.isEmpty()) {
            problems.add("the oracle and this test saw different files: only CPython's side " + first(missingOnOurSide)
                    + ", only ours " + first(new ArrayList<>(ours.keySet())));
        }
        if (!acceptanceDisagreements.isEmpty()) {
            problems.add(acceptanceDisagreements.size() + " files accepted by one side only, e.g. "
                    + first(acceptanceDisagreements));
        }
        if (agreement < REQUIRED_DUMP_AGREEMENT) {
            problems.add(String.format(Locale.ROOT, "dumps agree on %.3f%% of accepted files, below %.1f%%",
                    100 * agreement, 100 * REQUIRED_DUMP_AGREEMENT));
        }
        if (!unlisted.isEmpty()) {
            problems.add(unlisted.size() + " files differ from CPython's dump without being listed in"
                    + " conformance-known-differences.txt: " + first(unlisted));
        }
        if (!stale.isEmpty()) {
            problems.add(stale.size() + " files listed in conformance-known-differences.txt no longer differ"
                    + " (remove them): " + first(stale));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + summary);
    }

    /** Parses every corpus file on our side, keeping only verdicts and dump digests in memory. */
    private static Map<String, Ours> parseCorpus(Path stdlib) throws IOException {
        Map<String, Ours> verdicts = new TreeMap<>();
        for (String path : corpusFiles(stdlib)) {
            verdicts.put(path, judge(stdlib.resolve(path)));
        }
        return verdicts;
    }

    /** The same selection as oracle.py: every .py file, site-packages excluded. */
    private static List<String> corpusFiles(Path stdlib) throws IOException {
        try (Stream<Path> walk = Files.walk(stdlib)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".py") && Files.isRegularFile(path))
                    .map(path -> stdlib.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !path.startsWith("site-packages/"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Ours judge(Path file) {
        SourceFile source;
        try {
            source = SourceReader.read(file, file.toString());
        } catch (SourceException e) {
            return new Ours(false, e.line() + ":0: " + e.getMessage(), null);
        }
        try {
            ParseResult result = SourceParser.parse(source);
            if (result instanceof ParseResult.Success success) {
                return new Ours(true, null, sha256(AstDump.dump(success.module())));
            }
            SyntaxError error = ((ParseResult.Failure) result).error();
            return new Ours(false, error.line() + ":" + error.column() + ": " + error.message(), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Ours(false, "0:0: parser crashed: " + e, null);
        }
    }

    private static String ourDump(Path file) {
        try {
            ParseResult result = SourceParser.parse(SourceReader.read(file, file.toString()));
            return result instanceof ParseResult.Success success ? AstDump.dump(success.module()) : result.toString();
        } catch (SourceException | RuntimeException e) {
            return e.toString();
        }
    }

    private static String describeDifference(String path, String expected, String actual) {
        int at = 0;
        int limit = Math.min(expected.length(), actual.length());
        while (at < limit && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - CONTEXT);
        return "== " + path + " (first difference at character " + at + ")\n"
                + "CPython: ..." + expected.substring(from, Math.min(expected.length(), at + CONTEXT)) + "...\n"
                + "ours:    ..." + actual.substring(from, Math.min(actual.length(), at + CONTEXT)) + "...\n\n";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String first(List<String> items) {
        int shown = Math.min(items.size(), 10);
        return String.join(", ", items.subList(0, shown)) + (items.size() > shown ? ", ..." : "");
    }

    /** Lines "relative/path.py | reason"; '#' starts a comment line. */
    private static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = CPythonConformanceTest.class.getResourceAsStream("/conformance-known-differences.txt")) {
            assertTrue(in != null, "conformance-known-differences.txt is missing from the test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                assertTrue(bar > 0 && !line.substring(bar + 1).isBlank(),
                        "conformance-known-differences.txt: each entry needs 'path | reason': " + line);
                known.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
            }
        }
        return known;
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("pitfall.root", "..")).toAbsolutePath().normalize();
    }

    /** CPython 3.13's python3: $PITFALL_PYTHON313 (the executable or its prefix), else pyenv's 3.13.0. */
    static Path locateCPython313() {
        String configured = System.getenv("PITFALL_PYTHON313");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            Path executable = Files.isDirectory(path) ? path.resolve("bin/python3") : path;
            return Files.isExecutable(executable) ? executable : null;
        }
        try {
            Path executable = Path.of(runForLine(Path.of("pyenv"), "prefix", "3.13.0")).resolve("bin/python3");
            return Files.isExecutable(executable) ? executable : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** Runs a short command and returns its last line of output; fails on a non-zero exit. */
    private static String runForLine(Path command, String... arguments) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command.toString());
        commandLine.addAll(List.of(arguments));
        Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", commandLine) + " failed: " + output);
        }
        String[] lines = output.split("\n");
        return lines[lines.length - 1].strip();
    }
}
