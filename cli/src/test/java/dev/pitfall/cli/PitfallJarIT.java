package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.report.SarifSchema;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, as users run it (bound to {@code verify}, after {@code package} built it), on the
 * bundled examples and on testdata/ in every format.
 */
class PitfallJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("pitfall.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("pitfall.jar", "target/pitfall.jar")).toAbsolutePath();

    @TempDir
    Path temp;

    record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome pitfall(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss8m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pitfall-out", ".txt");
        Path err = Files.createTempFile("pitfall-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "pitfall finished");
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void examplesInEveryFormat() throws Exception {
        Outcome text = pitfall("check", "examples");
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().contains("examples/churn/features.py:5:30: PF101 [mutable-default-argument]"), text.out());
        assertTrue(text.out().lines().anyMatch(line -> line.matches("Found \\d+ problems? \\(.*\\) in \\d+ of 5 files\\.")),
                text.out());
        assertFalse(text.out().contains("examples/churn/clean.py:"), "the clean module has no findings");
        assertEquals("", text.err());

        Outcome sarif = pitfall("check", "--format", "sarif", "examples");
        assertEquals(1, sarif.exitCode());
        assertEquals(List.of(), SarifSchema.violations(sarif.out()));
        JsonNode run = JSON.readTree(sarif.out()).get("runs").get(0);
        assertTrue(run.get("results").size() >= 2);
        assertTrue(run.get("invocations").get(0).get("executionSuccessful").asBoolean());

        Outcome json = pitfall("check", "--format", "json", "examples");
        JsonNode findings = JSON.readTree(json.out());
        assertEquals(run.get("results").size(), findings.size(), "json and sarif report the same findings");

        Outcome github = pitfall("check", "--format", "github", "examples");
        assertEquals(findings.size(), github.out().lines().filter(line -> line.startsWith("::")).count());

        assertEquals(0, pitfall("check", "--exit-zero", "examples").exitCode());
    }

    @Test
    void testdataIsReportedDeterministicallyAndAsValidSarif() throws Exception {
        Path one = temp.resolve("one.sarif");
        Path two = temp.resolve("two.sarif");
        Outcome first = pitfall("check", "--no-cache", "--format", "sarif", "--threads", "1", "--output", one.toString(), "testdata");
        Outcome second = pitfall("check", "--no-cache", "--format", "sarif", "--threads", "3", "--output", two.toString(), "testdata");
        assertEquals(1, first.exitCode(), "findings and undecodable files, but no internal error: " + first.err());
        assertEquals(first.exitCode(), second.exitCode());
        String sarif = Files.readString(one);
        assertEquals(sarif, Files.readString(two), "byte-identical whatever the thread count");
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode notifications = JSON.readTree(sarif).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertTrue(notifications.size() > 0, "testdata holds files that cannot be decoded");
        assertEquals(first.err(), second.err());

        Outcome text1 = pitfall("check", "--no-cache", "--threads", "1", "testdata");
        Outcome text2 = pitfall("check", "--no-cache", "--threads", "2", "testdata");
        assertEquals(text1.out(), text2.out());
        assertTrue(text1.out().contains("error: testdata/encoding/unknown_encoding.py: "), text1.out());
    }

    /** The launcher's class cache (AOT cache / CDS) skips class files older than Java 6: see cli/tools/UpgradeOldClassFiles.java. */
    @Test
    void everyClassFileIsNewEnoughForTheClassCache() throws Exception {
        List<String> tooOld = new ArrayList<>();
        int classFiles = 0;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : jar.stream().filter(entry -> entry.getName().endsWith(".class")).toList()) {
                try (DataInputStream header = new DataInputStream(jar.getInputStream(entry))) {
                    header.skipNBytes(6); // magic number, minor version
                    int majorVersion = header.readUnsignedShort();
                    if (majorVersion < 52) {
                        tooOld.add(entry.getName() + " (" + majorVersion + ")");
                    }
                }
                classFiles++;
            }
        }
        assertTrue(classFiles > 1000, "the fat jar has its dependencies' classes: " + classFiles);
        assertEquals(List.of(), tooOld);
    }

    @Test
    void rulesRuleVersionAndUsage() throws Exception {
        Outcome rules = pitfall("rules");
        assertEquals(0, rules.exitCode());
        assertTrue(rules.out().contains("PF101   mutable-default-argument"), rules.out());
        Outcome rule = pitfall("rule", "mutable-default-argument");
        assertEquals(0, rule.exitCode());
        assertTrue(rule.out().startsWith("# PF101 mutable-default-argument\n"), rule.out());
        Outcome version = pitfall("--version");
        assertTrue(version.out().matches("pitfall \\d+\\.\\d+\\.\\d+.*\\n"), version.out());
        Outcome usage = pitfall("check", "--no-such-option");
        assertEquals(2, usage.exitCode());
        assertFalse(usage.err().contains("\tat "), usage.err());
    }
}
