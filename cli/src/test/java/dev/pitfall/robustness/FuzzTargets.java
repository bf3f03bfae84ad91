package dev.pitfall.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pitfall.cli.LintPipeline;
import dev.pitfall.config.ConfigException;
import dev.pitfall.config.PitfallConfig;
import dev.pitfall.config.Settings;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.RunReport;
import dev.pitfall.report.SarifReporter;
import dev.pitfall.report.SarifSchema;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer). In a normal test run each target replays its inputs,
 * everything below {@code dev/pitfall/robustness/FuzzTargetsInputs/<method>/} on the test classpath:
 * seeds from testdata/ and examples/, which cli/pom.xml copies there at build time, and every crash
 * ever found, kept in src/test/resources; with {@code JAZZER_FUZZ=1} one target
 * (parser, notebookReader or pipelineToSarif) is fuzzed for JAZZER_MAX_DURATION, e.g.
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -o -pl cli -am test \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest='FuzzTargets#parser'
 * </pre>
 * The corpus grown while fuzzing goes to cli/.cifuzz-corpus/ (not committed). A crash is written
 * to the inputs directory of its target and replayed by every later test run: commit it with the fix.
 */
class FuzzTargets {
    private static final Path PROJECT = Path.of("fuzz-project").toAbsolutePath();
    private static final Settings SETTINGS = allRules();
    private static final LintPipeline PIPELINE = new LintPipeline(SETTINGS, 1);

    private static Settings allRules() {
        try {
            return Settings.resolve(PitfallConfig.empty(PROJECT), Settings.Overrides.none());
        } catch (ConfigException e) {
            throw new IllegalStateException("the default settings are valid", e);
        }
    }

    /** The lexer and parser take any text: the answer is a tree or a syntax error, never an exception. */
    @FuzzTest(maxDuration = "10s")
    void parser(byte[] input) {
        SourceFile source = SourceFile.ofText("fuzz.py", new String(input, StandardCharsets.UTF_8));
        ParseResult result = SourceParser.parse(source);
        assertNotNull(result);
        if (result instanceof ParseResult.Failure failure) {
            // One past the last line is where CPython puts errors found at the end of the input.
            assertTrue(failure.error().line() >= 1 && failure.error().line() <= source.lineCount() + 1,
                    "syntax error line within the file: " + failure.error());
        }
    }

    /** The notebook reader rejects bad notebooks with a SourceException and nothing else. */
    @FuzzTest(maxDuration = "10s")
    void notebookReader(byte[] input) {
        try {
            SourceFile source = SourceReader.decode(input, "fuzz.ipynb", true);
            assertNotNull(source.notebook(), "a notebook has a cell map");
        } catch (SourceException e) {
            assertNotNull(e.getMessage());
        }
    }

    /**
     * Any bytes, as a notebook when they start like JSON ('{' after blanks) and as a .py file
     * otherwise, go through decoding,
     * linting and the SARIF reporter without an internal error, and the SARIF is schema-valid.
     */
    @FuzzTest(maxDuration = "10s")
    void pipelineToSarif(byte[] input) throws IOException {
        boolean notebook = startsLikeJson(input);
        String name = notebook ? "fuzz.ipynb" : "fuzz.py";
        FileReport file = PIPELINE.lintBytes(input, name, PROJECT.resolve(name));
        for (Diagnostic diagnostic : file.diagnostics()) {
            assertTrue(diagnostic.kind() != Diagnostic.Kind.INTERNAL_ERROR, diagnostic.message());
        }
        RunReport report = new RunReport(enabledRules(), List.of(file), 1, PROJECT);
        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        new SarifReporter().write(report, sarif);
        assertEquals(List.of(), SarifSchema.violations(sarif.toString(StandardCharsets.UTF_8)));
    }

    private static boolean startsLikeJson(byte[] input) {
        for (byte b : input) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private static List<RuleDescriptor> enabledRules() {
        return Linter.allRules().stream().filter(rule -> SETTINGS.enabledCodes().contains(rule.code())).toList();
    }
}
