package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.cli.cache.ResultCache;
import dev.pitfall.config.PitfallConfig;
import dev.pitfall.config.Settings;
import dev.pitfall.report.FileReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline past its single-thread warm-up: the same reports in the same order on one thread
 * and on several, with and without the result cache, and nothing analysed when all files hit.
 */
class ParallelPipelineTest {
    @TempDir
    Path project;

    @Test
    void threadsAndCacheChangeNeitherReportsNorTheirOrder() throws Exception {
        StringBuilder filler = new StringBuilder();
        for (int line = 0; line < 90; line++) {
            filler.append("value_").append(line).append(" = [item * 2 for item in range(").append(line).append(")]\n");
        }
        long total = 0;
        for (int i = 0; i < 50; i++) {
            String source = (i % 3 == 0 ? "def collect(item, bucket=[]):\n    return bucket\n" : "") + filler;
            Files.writeString(project.resolve(String.format("module_%02d.py", i)), source);
            total += source.length();
        }
        assertTrue(total > 2 * LintPipeline.WARM_UP_BYTES, "the pool gets files after the warm-up");
        Settings settings = Settings.resolve(PitfallConfig.empty(project), Settings.Overrides.none());
        List<FileDiscovery.Target> targets = new FileDiscovery(project, settings, false).discover(List.of("."));

        List<FileReport> sequential = new LintPipeline(settings, 1).run(targets, () -> { });
        assertEquals(17, sequential.stream().filter(r -> !r.findings().isEmpty()).count());
        assertEquals(sequential, new LintPipeline(settings, 3).run(targets, () -> { }));

        List<List<FileReport>> cachedRuns = new ArrayList<>();
        List<RunTimings> timings = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ResultCache cache = ResultCache.open(project.resolve(".pitfall_cache"), "test key", message -> {
                throw new AssertionError(message);
            });
            RunTimings runTimings = new RunTimings();
            cachedRuns.add(new LintPipeline(settings, 3, cache, runTimings, false).run(targets, () -> { }));
            cache.save();
            timings.add(runTimings);
        }
        assertEquals(sequential, cachedRuns.get(0));
        assertEquals(sequential, cachedRuns.get(1));
        assertEquals(total, timings.get(0).analysedBytes());
        assertEquals(0, timings.get(1).analysedBytes(), "every file came from the cache");
    }
}
