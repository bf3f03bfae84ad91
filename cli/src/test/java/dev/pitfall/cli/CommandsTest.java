package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.report.ToolInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands other than check: rules, rule, --version, --help and usage errors. */
class CommandsTest {
    @TempDir
    Path directory;

    @Test
    void rulesListsEveryRule() {
        CliRun run = CliRun.in(directory, "rules");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("CODE    NAME"), run.out());
        for (RuleDescriptor rule : Linter.allRules()) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(rule.code()) && line.contains(rule.name())
                    && line.endsWith(rule.summary())), rule.code());
        }
    }

    @Test
    void ruleExplainsByCodeOrName() {
        RuleDescriptor rule = Linter.allRules().get(0);
        CliRun byCode = CliRun.in(directory, "rule", rule.code());
        CliRun byName = CliRun.in(directory, "rule", rule.name());
        assertEquals(0, byCode.exitCode());
        assertEquals(byCode.out(), byName.out());
        assertTrue(byCode.out().startsWith("# " + rule.code() + " " + rule.name() + "\n"), byCode.out());
        assertTrue(byCode.out().contains(rule.explanation().strip()));
    }

    @Test
    void unknownRuleIsAUsageError() {
        CliRun run = CliRun.in(directory, "rule", "PF999");
        assertEquals(2, run.exitCode());
        assertEquals("pitfall: unknown rule 'PF999' (see `pitfall rules` for codes and names)\n", run.err());
    }

    @Test
    void version() {
        CliRun run = CliRun.in(directory, "--version");
        assertEquals(0, run.exitCode());
        assertEquals("pitfall " + ToolInfo.version() + "\n", run.out());
        assertFalse(ToolInfo.version().contains("$"), "the build filters the version in");
    }

    @Test
    void helpEverywhere() {
        for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"rules", "--help"},
                {"rule", "--help"}, {"debug", "--help"}}) {
            CliRun run = CliRun.in(directory, args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().startsWith("Usage: pitfall"), run.out());
        }
        assertTrue(CliRun.in(directory, "check", "--help").out().contains("--stdin-filename"));
    }

    @Test
    void debugAstDumpsAsCPythonOrReportsTheSyntaxError() throws java.io.IOException {
        java.nio.file.Files.writeString(directory.resolve("ok.py"), "x = 1\n");
        java.nio.file.Files.writeString(directory.resolve("broken.py"), "x = (\n");
        CliRun run = CliRun.in(directory, "debug", "ast", "ok.py", "broken.py");
        assertEquals("""
                == ok.py
                Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, \
                end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), \
                lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])
                == broken.py
                SyntaxError: 1:5: '(' was never closed
                """, run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void usageErrorsExitTwoWithoutStackTrace() {
        CliRun unknown = CliRun.in(directory, "check", "--frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("pitfall: Unknown option: '--frobnicate'"), unknown.err());
        assertFalse(unknown.err().contains("\tat "));
        CliRun badFormat = CliRun.in(directory, "check", "--format", "xml");
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().contains("xml"), badFormat.err());
        assertEquals(2, CliRun.in(directory).exitCode(), "pitfall alone shows usage and fails");
        assertEquals(2, CliRun.in(directory, "chek").exitCode());
    }
}
