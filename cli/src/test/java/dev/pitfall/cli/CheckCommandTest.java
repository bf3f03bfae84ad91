package dev.pitfall.cli;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pitfall check} end to end, in-process: discovery, configuration, suppressions, formats
 * and exit codes on small projects written by each test. The finding they rely on is
 * PF101 mutable-default-argument on {@code def f(x=[])}.
 */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD = "def collect(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n";
    private static final String GOOD = "def collect(item, bucket=None):\n    return [item] if bucket is None else bucket\n";

    @TempDir
    Path project;

    private Path write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private CliRun check(String... args) {
        String[] all = Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new);
        return CliRun.in(project, all);
    }

    @Test
    void cleanProjectExitsZero() throws IOException {
        write("good.py", GOOD);
        CliRun run = check();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("No problems found in 1 file.\n", run.out());
    }

    @Test
    void findingsExitOneAndShowTheLine() throws IOException {
        write("pkg/bad.py", BAD);
        write("good.py", GOOD);
        CliRun run = check();
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("pkg/bad.py:1:26: PF101 [mutable-default-argument] "), run.out());
        assertTrue(run.out().contains(" 1 | def collect(item, bucket=[]):\n   | " + " ".repeat(25) + "^^\n"), run.out());
        assertTrue(run.out().endsWith("Found 1 problem (1 error) in 1 of 2 files.\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void exitZeroForcesSuccess() throws IOException {
        write("bad.py", BAD);
        assertEquals(0, check("--exit-zero").exitCode());
    }

    @Test
    void noqaSuppressesByCodeOrNameOnly() throws IOException {
        write("a.py", "def f(x=[]):  # noqa: mutable-default-argument\n    pass\n");
        write("b.py", "def f(x=[]):  # noqa\n    pass\n");
        write("c.py", "def f(x=[]):  # noqa: PF001\n    pass\n");
        CliRun run = check();
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("c.py:1:9: PF101"), run.out());
        assertTrue(run.out().contains("Found 1 problem (1 warning) in 1 of 3 files."), run.out());
    }

    @Test
    void discoverySkipsIgnoredAndEnvironmentDirectories() throws IOException {
        Files.createDirectories(project.resolve(".git"));
        write(".gitignore", "generated/\n*.tmp.py\n");
        write("generated/bad.py", BAD);
        write("x.tmp.py", BAD);
        write("env/pyvenv.cfg", "home = /usr\n");
        write("env/lib/bad.py", BAD);
        write(".venv/bad.py", BAD);
        write("node_modules/bad.py", BAD);
        write("__pycache__/bad.py", BAD);
        write("src/.gitignore", "*.py\n!kept.py\n");
        write("src/dropped.py", BAD);
        write("src/kept.py", BAD);
        write("notes.txt", BAD);
        write("stubs/api.pyi", BAD);
        Files.createSymbolicLink(project.resolve("dangling.py"), project.resolve("missing.py"));
        Files.createSymbolicLink(project.resolve("src/loop"), project);
        CliRun run = check(".");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("src/kept.py", "stubs/api.pyi"), reportedPaths(run.out()));
        assertTrue(run.out().endsWith("Found 2 problems (2 errors) in 2 of 2 files.\n"), run.out());
    }

    @Test
    void gitignoreOfTheRepositoryAppliesWhenCheckingASubdirectory() throws IOException {
        Files.createDirectories(project.resolve(".git"));
        write(".gitignore", "src/generated/\n");
        write("src/generated/bad.py", BAD);
        write("src/bad.py", BAD);
        assertEquals(List.of("src/bad.py"), reportedPaths(check("src").out()));
    }

    @Test
    void explicitFilesAreAlwaysChecked() throws IOException {
        Files.createDirectories(project.resolve(".git"));
        write(".gitignore", "generated/\n");
        write("generated/bad.py", BAD);
        write("build/bad.py", BAD);
        write("src/bad.py", BAD);
        CliRun run = check("generated/bad.py", "build/bad.py");
        assertEquals(List.of("build/bad.py", "generated/bad.py"), reportedPaths(run.out()));
        CliRun forced = check("--force-exclude", "generated/bad.py", "build/bad.py", "src/bad.py");
        assertEquals(List.of("src/bad.py"), reportedPaths(forced.out()));
    }

    @Test
    void excludeOptionsAndConfiguration() throws IOException {
        write("pyproject.toml", "[tool.pitfall]\nextend-exclude = [\"legacy/\"]\n");
        write("legacy/bad.py", BAD);
        write("scripts/bad.py", BAD);
        write("scripts/old_bad.py", BAD);
        write("build/bad.py", BAD);
        assertEquals(List.of("scripts/bad.py", "scripts/old_bad.py"), reportedPaths(check().out()));
        assertEquals(List.of("scripts/bad.py"), reportedPaths(check("--extend-exclude", "old_*.py").out()));
        assertEquals(List.of("build/bad.py", "scripts/bad.py"), reportedPaths(check("--exclude", "scripts/old_*").out()),
                "--exclude replaces the default list; extend-exclude still adds to it");
    }

    @Test
    void configurationSelectsIgnoresAndSetsSeverity() throws IOException {
        write("bad.py", BAD);
        write("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.pitfall]\nignore = [\"mutable-default-argument\"]\n");
        assertEquals(0, check().exitCode());
        assertEquals(1, check("--select", "PF1").exitCode(), "--select replaces the configured selection");
        write("pyproject.toml", "[tool.pitfall]\nselect = [\"ALL\"]\n[tool.pitfall.severity]\nPF101 = \"note\"\n");
        CliRun run = check("--format", "json");
        assertEquals("note", firstJson(run).get("severity").asText());
        assertEquals("warning", firstJson(check("--format", "json", "--severity", "mutable-default-argument=warning"))
                .get("severity").asText());
    }

    @Test
    void configurationIsFoundFromTheCheckedPathUpwards() throws IOException {
        write("sub/pkg/bad.py", BAD);
        write("sub/pyproject.toml", "[tool.pitfall]\nignore = [\"PF101\"]\n");
        write("pyproject.toml", "[project]\nname = \"outer\"\n");
        assertEquals(0, check("sub/pkg").exitCode());
        assertEquals(0, check("sub/pkg/bad.py").exitCode());
    }

    @Test
    void perFileIgnores() throws IOException {
        write("pyproject.toml", "[tool.pitfall.per-file-ignores]\n\"tests/*\" = [\"PF101\"]\n");
        write("tests/unit/test_bad.py", BAD);
        write("src/bad.py", BAD);
        assertEquals(List.of("src/bad.py"), reportedPaths(check().out()));
    }

    @Test
    void configurationMistakesNameTheKeyAndTheFile() throws IOException {
        write("bad.py", BAD);
        Path config = write("pyproject.toml", "[tool.pitfall]\nselct = [\"PF101\"]\n");
        CliRun run = check();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(config.toString()) && run.err().contains("unknown key 'selct'"), run.err());
        assertEquals("", run.out());

        write("pyproject.toml", "[tool.pitfall]\nignore = [\"PF999\"]\n");
        run = check();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(config + ": ignore: unknown rule 'PF999'"), run.err());

        write("pyproject.toml", "[tool.pitfall.severity]\nPF101 = \"fatal\"\n");
        assertTrue(check().err().contains("unknown severity 'fatal'"));

        write("pyproject.toml", "[tool.pitfall\n");
        run = check();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("invalid TOML"), run.err());
        assertFalse(run.err().contains("\tat "), "never a stack trace");
    }

    @Test
    void explicitConfigFile() throws IOException {
        write("bad.py", BAD);
        write("ci/pitfall.toml", "[tool.pitfall]\nignore = [\"PF101\"]\n");
        assertEquals(0, check("--config", "ci/pitfall.toml").exitCode());
        CliRun missing = check("--config", "nope.toml");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.toml: configuration file not found"), missing.err());
    }

    @Test
    void unknownRuleOnTheCommandLine() throws IOException {
        write("bad.py", BAD);
        CliRun run = check("--ignore", "no-such-rule");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--ignore: unknown rule 'no-such-rule'"), run.err());
    }

    @Test
    void standardInputAsANamedFile() throws IOException {
        write("pyproject.toml", "[tool.pitfall.per-file-ignores]\n\"tests/*\" = [\"PF101\"]\n");
        CliRun run = CliRun.with(project, BAD, Map.of(), false, "check", "--stdin-filename", "src/editing.py", "-");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("src/editing.py:1:26: PF101"), run.out());
        CliRun ignored = CliRun.with(project, BAD, Map.of(), false, "check", "--stdin-filename", "tests/t.py", "-");
        assertEquals(0, ignored.exitCode(), "per-file-ignores apply to the pretended name");
        CliRun plain = CliRun.with(project, BAD, Map.of(), false, "check", "-");
        assertTrue(plain.out().startsWith("-:1:26: PF101"), plain.out());
    }

    @Test
    void unreadableFilesAreReportedAndTheRunContinues() throws IOException {
        Files.write(project.resolve("latin.py"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xff, '"', '\n'});
        write("bad.py", BAD);
        CliRun run = check();
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("bad.py:1:26: PF101"), run.out());
        assertTrue(run.out().contains("\nerror: latin.py: "), run.out());
        assertTrue(run.out().contains("1 file was not fully checked"), run.out());

        CliRun sarif = check("--format", "sarif");
        assertEquals(List.of(), SarifSchema.violations(sarif.out()));
        JsonNode invocation = json(sarif.out()).get("runs").get(0).get("invocations").get(0);
        assertTrue(invocation.get("executionSuccessful").asBoolean(), "an unreadable file is not our failure");
        assertEquals("latin.py", invocation.get("toolExecutionNotifications").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertTrue(sarif.err().startsWith("error: latin.py: "), sarif.err());
    }

    @Test
    void syntaxErrorsAreFindingsAndNotifications() throws IOException {
        write("broken.py", "x = (\n");
        write("bad.py", BAD);
        CliRun run = check();
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("bad.py:1:26: PF101"), run.out());
        assertTrue(run.out().contains("\nbroken.py:1:5: PF001 [syntax-error] '(' was never closed\n 1 | x = (\n   |     ^\n"),
                run.out());
        assertTrue(CliRun.in(project, "check", "--ignore", "PF101").out().contains("PF001"),
                "a file that does not parse says so even when its other rules are off");

        String sarif = check("--format", "sarif").out();
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode invocation = json(sarif).at("/runs/0/invocations/0");
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
        assertEquals("broken.py", notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(notification.at("/message/text").asText().contains("could not be parsed"));
    }

    @Test
    void missingPathIsAnErrorLine() {
        CliRun run = check("nowhere.py");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("error: nowhere.py: "), run.out());
    }

    @Test
    void sarifOutputFileIsValidAndWrittenAtomically() throws IOException {
        write("src/bad.py", BAD);
        CliRun run = check("--format", "sarif", "--output", "reports/pitfall.sarif");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        String sarif = Files.readString(project.resolve("reports/pitfall.sarif"));
        assertEquals(List.of(), SarifSchema.violations(sarif));
        try (Stream<Path> files = Files.list(project.resolve("reports"))) {
            assertEquals(List.of("pitfall.sarif"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
        Path ordinary = Files.createFile(project.resolve("reports/ordinary"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(project.resolve("reports/pitfall.sarif")),
                "the report gets the permissions of any new file");
        JsonNode result = json(sarif).get("runs").get(0).get("results").get(0);
        assertEquals("PF101", result.get("ruleId").asText());
        assertEquals("src/bad.py", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void unwritableOutputIsAUserError() throws IOException {
        write("bad.py", BAD);
        write("taken", "a file, not a directory");
        CliRun run = check("--output", "taken/report.txt");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("pitfall: cannot write taken/report.txt: "), run.err());
        assertTrue(run.err().contains("is in the way"), run.err());
    }

    @Test
    void fingerprintsSurviveLinesInsertedAbove() throws IOException {
        write("model.py", "import os\n\n" + BAD);
        JsonNode before = json(check("--format", "sarif").out()).at("/runs/0/results/0");
        write("model.py", "import os\nimport sys\n\n# a long comment\n# about nothing\n\n" + BAD);
        JsonNode after = json(check("--format", "sarif").out()).at("/runs/0/results/0");
        assertEquals(before.at("/locations/0/physicalLocation/region/startLine").asInt() + 4,
                after.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(before.get("partialFingerprints"), after.get("partialFingerprints"));
    }

    @Test
    void githubAndJsonFormats() throws IOException {
        write("bad.py", BAD);
        CliRun github = check("--format", "github");
        assertTrue(github.out().startsWith("::error file=bad.py,line=1,col=26,endLine=1,endColumn=28,"
                + "title=PF101 [mutable-default-argument]::"), github.out());
        JsonNode finding = firstJson(check("--format", "json"));
        assertEquals("bad.py", finding.get("path").asText());
        assertEquals("mutable-default-argument", finding.get("name").asText());
    }

    @Test
    void colourOnlyOnTerminalsAndNeverWithNoColor() throws IOException {
        write("bad.py", BAD);
        assertFalse(check().out().contains("\u001b["));
        assertTrue(CliRun.with(project, "", Map.of(), true, "check").out().contains("\u001b["));
        assertFalse(CliRun.with(project, "", Map.of("NO_COLOR", "1"), true, "check").out().contains("\u001b["));
        assertTrue(check("--color", "always").out().contains("\u001b["));
    }

    @Test
    void outputIsIdenticalWhateverTheThreadCount() throws IOException {
        for (int i = 0; i < 30; i++) {
            write("pkg" + (i % 4) + "/m" + i + ".py", i % 3 == 0 ? BAD : GOOD + "\n" + BAD);
        }
        for (String format : List.of("text", "sarif", "json", "github")) {
            CliRun one = check("--format", format, "--threads", "1");
            CliRun four = check("--format", format, "--threads", "4");
            CliRun again = check("--format", format, "--threads", "4");
            assertEquals(one.out(), four.out(), format);
            assertEquals(four.out(), again.out(), format);
        }
    }

    @Test
    void statistics() throws IOException {
        write("a.py", BAD);
        write("b.py", BAD + BAD.replace("collect", "gather"));
        CliRun run = check("--statistics");
        assertEquals("     3  PF101  mutable-default-argument\nFound 3 problems (3 errors) in 2 of 2 files.\n", run.out());
    }

    @Test
    void progressOnlyOnATerminal() throws IOException {
        for (int i = 0; i < 3; i++) {
            write("m" + i + ".py", GOOD);
        }
        assertEquals("", check().err());
        String terminal = CliRun.with(project, "", Map.of(), true, "check").err();
        assertTrue(terminal.startsWith("\rpitfall: 1 of 3 files"), terminal);
        assertTrue(terminal.endsWith("\r\u001b[2K"), "the progress line is erased at the end");
    }

    @Test
    void badThreadCountIsAUsageError() {
        CliRun run = check("--threads", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--threads must be at least 1"), run.err());
    }

    private static List<String> reportedPaths(String text) {
        return text.lines().filter(line -> line.matches("^[^ ].*:\\d+:\\d+: PF\\d+ .*"))
                .map(line -> line.substring(0, line.indexOf(':'))).distinct().sorted().toList();
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static JsonNode firstJson(CliRun run) throws IOException {
        return json(run.out()).get(0);
    }
}
