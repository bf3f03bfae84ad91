package dev.pitfall.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.report.SarifSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many files in a small heap, and Ctrl-C in the middle of a run. */
class ResourceBoundsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FILES = 20_000;
    private static final int FILES_PER_DIRECTORY = 100;
    /** Every tenth file has one mutable-default-argument finding. */
    private static final int FINDINGS = FILES / 10;

    @TempDir
    Path temp;

    private Path generateTree() throws IOException {
        Path tree = temp.resolve("tree");
        for (int i = 0; i < FILES; i++) {
            Path directory = tree.resolve(String.format("package%03d", i / FILES_PER_DIRECTORY));
            if (i % FILES_PER_DIRECTORY == 0) {
                Files.createDirectories(directory);
            }
            String body = "import os\n\n\ndef helper_" + i + "(path, " + (i % 10 == 0 ? "cache=[]" : "cache=None") + "):\n"
                    + "    if cache is None:\n        cache = []\n    cache.append(os.path.basename(path))\n"
                    + "    return [c.upper() for c in cache if c]\n";
            Files.writeString(directory.resolve(String.format("module%05d.py", i)), body);
        }
        return tree;
    }

    @Test
    void twentyThousandFilesInA256MegabyteHeap() throws Exception {
        generateTree();
        PitfallProcess.Outcome run = PitfallProcess.run(temp, List.of("-Xmx256m"), Duration.ofMinutes(20),
                "check", "--format", "sarif", "--output", "report.sarif", "tree");
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(PitfallProcess.showsJavaInternals(run.err()), run.err());
        String sarif = Files.readString(temp.resolve("report.sarif"));
        JsonNode invocation = JSON.readTree(sarif).at("/runs/0/invocations/0");
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        assertEquals(0, invocation.get("toolExecutionNotifications").size(), "every file linted");
        assertEquals(FINDINGS, JSON.readTree(sarif).at("/runs/0/results").size());
        assertEquals(List.of(), SarifSchema.violations(sarif));

        PitfallProcess.Outcome text = PitfallProcess.run(temp, List.of("-Xmx256m"), Duration.ofMinutes(20), "check", "tree");
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().contains("Found " + FINDINGS + " problems (" + FINDINGS + " errors) in " + FINDINGS
                + " of " + FILES + " files."), text.out().lines().reduce((a, b) -> b).orElse(""));
    }

    /**
     * SIGINT (Ctrl-C) while the files are being linted: the process ends promptly, prints no stack
     * trace, leaves the previous report as it was and no temporary file beside it.
     */
    @Test
    void ctrlCLeavesNoPartialReport() throws Exception {
        generateTree();
        Path report = temp.resolve("report.sarif");
        Files.writeString(report, "the previous report\n");
        Path err = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(PitfallProcess.command(List.of(),
                "check", "--no-cache", "--threads", "1", "--format", "sarif", "--output", report.toString(), "tree"))
                .directory(temp.toFile()).redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        // Long enough for the JVM to be linting; far shorter than linting 20,000 files on one thread
        // without the result cache takes, even on an idle machine.
        assertFalse(process.waitFor(2, TimeUnit.SECONDS), "still running when interrupted");
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops promptly after Ctrl-C");

        assertEquals(130, process.exitValue(), "the conventional exit status of a SIGINT");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertFalse(PitfallProcess.showsJavaInternals(stderr), stderr);
        assertEquals("the previous report\n", Files.readString(report));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(), files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList(),
                    "no temporary report left behind");
        }
    }
}
