package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.config.PitfallConfig;
import dev.pitfall.config.Settings;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Linter;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.RunReport;
import dev.pitfall.report.TextReporter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-file isolation and ordering of the parallel pipeline. */
class LintPipelineTest {
    @TempDir
    Path project;

    @Test
    void aCrashInOneFileIsAnInternalErrorForThatFileOnly() throws Exception {
        Files.writeString(project.resolve("crash.py"), "x = 1\n");
        Files.writeString(project.resolve("fine.py"), "def f(x=[]):\n    x.append(1)\n");
        Settings settings = Settings.resolve(PitfallConfig.empty(project), Settings.Overrides.none());
        LintPipeline pipeline = new LintPipeline(settings, 2, () -> new Linter(settings.enabledCodes(), source -> {
            if (source.path().endsWith("crash.py")) {
                throw new IllegalStateException("parser bug");
            }
            return SourceParser.parse(source);
        }));
        FileDiscovery discovery = new FileDiscovery(project, settings, false);
        AtomicInteger done = new AtomicInteger();
        List<FileReport> files = pipeline.run(discovery.discover(List.of(".")), done::incrementAndGet);

        assertEquals(2, done.get(), "progress sees every file");
        assertEquals(List.of("crash.py", "fine.py"), files.stream().map(FileReport::path).toList());
        Diagnostic crash = files.get(0).diagnostics().get(0);
        assertEquals(Diagnostic.Kind.INTERNAL_ERROR, crash.kind());
        assertEquals("PF101", files.get(1).findings().get(0).finding().code(), "the other file is still linted");

        RunReport report = new RunReport(List.of(), files, files.size(), project);
        assertEquals(Main.EXIT_ERROR, CheckCommand.exitCode(report, false));
        assertEquals(Main.EXIT_CLEAN, CheckCommand.exitCode(report, true));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new TextReporter(false, false).write(report, text);
        String output = text.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("error: crash.py: internal error"), output);
        assertTrue(output.contains("this is a bug in pitfall; please report it"), output);
    }

    @Test
    void resultsKeepTheInputOrderWhateverFinishesFirst() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("m%02d.py", i);
            names.add(name);
            // Early files are the slowest, so that threads finish out of order.
            Files.writeString(project.resolve(name), "def f(x=[]):\n    pass\n" + "y = 1\n".repeat((40 - i) * 40));
        }
        Settings settings = Settings.resolve(PitfallConfig.empty(project), Settings.Overrides.none());
        List<FileReport> files = new LintPipeline(settings, 4).run(
                new FileDiscovery(project, settings, false).discover(List.of(".")), () -> { });
        assertEquals(names, files.stream().map(FileReport::path).toList());
    }
}
