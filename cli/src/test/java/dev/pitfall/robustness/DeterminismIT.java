package dev.pitfall.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole of testdata/ linted on one thread and on four gives byte-identical output in every
 * format. Without the result cache, so that both runs really analyse every file.
 */
class DeterminismIT {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"text", "sarif", "json", "github"})
    void oneThreadAndFourThreadsGiveTheSameBytes(String format) throws Exception {
        Path oneThread = temp.resolve("one." + format);
        Path fourThreads = temp.resolve("four." + format);
        PitfallProcess.Outcome first = PitfallProcess.run(PitfallProcess.ROOT, List.of(), LIMIT,
                "check", "--no-cache", "--format", format, "--threads", "1", "--output", oneThread.toString(), "testdata");
        PitfallProcess.Outcome second = PitfallProcess.run(PitfallProcess.ROOT, List.of(), LIMIT,
                "check", "--no-cache", "--format", format, "--threads", "4", "--output", fourThreads.toString(), "testdata");

        assertEquals(1, first.exitCode(), first.err());
        assertEquals(first.exitCode(), second.exitCode());
        assertEquals(first.err(), second.err(), "diagnostics in the same order");
        byte[] report = Files.readAllBytes(oneThread);
        assertTrue(report.length > 1000, "a real report: " + report.length + " bytes");
        assertArrayEquals(report, Files.readAllBytes(fourThreads), format + " output identical byte for byte");
        assertFalse(PitfallProcess.showsJavaInternals(first.err() + new String(report, StandardCharsets.UTF_8)));
    }
}
