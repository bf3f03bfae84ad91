package dev.pitfall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.lint.Severity;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import dev.pitfall.source.TextRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four reporters on hand-made findings, so that their exact output is pinned down. */
class ReportersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("/work/project").toAbsolutePath();

    private static final RuleDescriptor MUTABLE = new RuleDescriptor("PF101", "mutable-default-argument",
            "Mutable default argument is shared between calls",
            "## What it does\n\nA list default is created once.\n\n```python\ndef f(x=[]):\n    ...\n```\n",
            Severity.ERROR, List.of("correctness", "python"), "very-high");
    private static final RuleDescriptor LEAK = new RuleDescriptor("PF601", "preprocessing-leakage",
            "Preprocessing fitted on data that includes the test set",
            "The scaler sees the test rows.", Severity.WARNING, List.of("ml", "leakage"), "medium");

    private static final String CODE = "import numpy as np\n\ndef train(x, seen=[]):\n\tseen.append(x)\n";

    private static Finding mutable(String path, int line, int start, int end) {
        return new Finding(path, "PF101", "mutable-default-argument", Severity.ERROR,
                "Mutable default argument `seen` is shared between calls", new TextRange(line, start, line, end), List.of());
    }

    private static RunReport plainReport() {
        SourceFile source = SourceFile.ofText("src/train.py", CODE);
        Finding leak = new Finding("src/train.py", "PF601", "preprocessing-leakage", Severity.WARNING,
                "`seen` leaks, with 100% certainty", new TextRange(4, 2, 4, 6),
                List.of(new Finding.RelatedLocation(new TextRange(3, 11, 3, 15), "fitted here")));
        FileReport file = FileReport.of("src/train.py", source, List.of(leak, mutable("src/train.py", 3, 16, 20)), List.of());
        FileReport broken = FileReport.failed("src/z.py", false, List.of(new Diagnostic("src/z.py",
                Diagnostic.Kind.UNREADABLE, null, "invalid UTF-8 (line 1, column 6)")));
        return new RunReport(List.of(MUTABLE, LEAK), List.of(file, broken), 40, ROOT);
    }

    private static String write(Reporter reporter, RunReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String NOTEBOOK = """
            {
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Title\\n"]},
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
               "source": [
                "import pandas as pd\\n",
                "def f(rows=[]):\\n",
                "    return rows"
               ]}
             ],
             "metadata": {"kernelspec": {"language": "python", "name": "python3", "display_name": "Python 3"}},
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;

    private static RunReport notebookReport() throws Exception {
        SourceFile source = SourceReader.decode(NOTEBOOK.getBytes(StandardCharsets.UTF_8), "nb/explore.ipynb", true);
        int line = 0;
        for (int i = 1; i <= source.lineCount(); i++) {
            if (source.line(i).startsWith("def f")) {
                line = i;
            }
        }
        assertTrue(line > 0, "the notebook's code cell is in the joined source");
        FileReport file = FileReport.of("nb/explore.ipynb", source, List.of(mutable("nb/explore.ipynb", line, 12, 14)), List.of());
        return new RunReport(List.of(MUTABLE), List.of(file), 1, ROOT);
    }

    @Test
    void textShowsLocationSourceCaretsRelatedAndSummary() throws IOException {
        String text = write(new TextReporter(false, false), plainReport());
        String expected = """
                src/train.py:3:16: PF101 [mutable-default-argument] Mutable default argument `seen` is shared between calls
                 3 | def train(x, seen=[]):
                   |                ^^^^

                src/train.py:4:2: PF601 [preprocessing-leakage] `seen` leaks, with 100% certainty
                 4 | \tseen.append(x)
                   | \t^^^^
                   = related: src/train.py:3:11: fitted here

                error: src/z.py: invalid UTF-8 (line 1, column 6)
                Found 2 problems (1 error, 1 warning) in 1 of 40 files. 1 file was not fully checked (see the errors above).
                """;
        assertEquals(expected, text);
    }

    @Test
    void longLinesAreCutAroundTheFindingAndControlCharactersNeutralised() throws IOException {
        String minified = "x=1;".repeat(5000) + "def f(a=[]):pass";
        int column = minified.indexOf("[]") + 1;
        SourceFile source = SourceFile.ofText("min.py", "\u001b[2J" + "\n" + minified + "\n");
        FileReport file = FileReport.of("min.py", source,
                List.of(mutable("min.py", 2, column, column + 2), mutable("min.py", 1, 1, 4)), List.of());
        assertTrue(file.findings().get(1).excerpt().length() <= FileReport.MAX_EXCERPT, "no 20 kB lines kept per finding");
        String text = write(new TextReporter(false, false), new RunReport(List.of(MUTABLE), List.of(file), 1, ROOT));
        List<String> lines = text.lines().toList();
        assertEquals(" 1 | ?[2J", lines.get(1), "an escape sequence from the file is not sent to the terminal");
        String shown = lines.get(5);
        String carets = lines.get(6);
        assertTrue(shown.startsWith(" 2 | ...x=1;") && shown.endsWith("def f(a=[]):pass"), shown);
        assertEquals(shown.indexOf("[]"), carets.indexOf("^^"), "carets stay under the finding");
    }

    @Test
    void textColoursOnlyWhenAsked() throws IOException {
        assertFalse(write(new TextReporter(false, false), plainReport()).contains("\u001b["));
        assertTrue(write(new TextReporter(true, false), plainReport()).contains("\u001b[31m"));
    }

    @Test
    void statisticsCountPerRule() throws IOException {
        String text = write(new TextReporter(false, true), plainReport());
        assertTrue(text.contains("\n     1  PF101  mutable-default-argument\n     1  PF601  preprocessing-leakage\nFound 2 problems"), text);
        assertFalse(text.contains(" | "), "statistics replace the individual findings");
    }

    @Test
    void summaryWithoutProblems() {
        RunReport clean = new RunReport(List.of(MUTABLE), List.of(), 1, ROOT);
        assertEquals("No problems found in 1 file.", TextReporter.summary(clean));
    }

    @Test
    void notebookFindingsNameTheCellInText() throws Exception {
        String text = write(new TextReporter(false, false), notebookReport());
        assertTrue(text.startsWith("nb/explore.ipynb:cell 2:2:12: PF101 [mutable-default-argument]"), text);
        assertTrue(text.contains(" 2 | def f(rows=[]):\n"), text);
    }

    @Test
    void jsonIsTheDocumentedArray() throws IOException {
        JsonNode array = JSON.readTree(write(new JsonReporter(), plainReport()));
        assertEquals(2, array.size());
        JsonNode first = array.get(0);
        assertEquals(List.of("path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column",
                "cell", "cell_line", "cell_end_line", "related", "fingerprint"), fieldNames(first));
        assertEquals("src/train.py", first.get("path").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(16, first.get("column").asInt());
        assertTrue(first.get("cell").isNull());
        JsonNode related = array.get(1).get("related").get(0);
        assertEquals("fitted here", related.get("message").asText());
        assertEquals(11, related.get("column").asInt());
    }

    @Test
    void jsonLocatesNotebookCells() throws Exception {
        JsonNode finding = JSON.readTree(write(new JsonReporter(), notebookReport())).get(0);
        assertEquals(2, finding.get("cell").asInt());
        assertEquals(2, finding.get("cell_line").asInt());
    }

    @Test
    void githubWorkflowCommandsAreEscaped() throws IOException {
        String commands = write(new GithubReporter(), plainReport());
        assertEquals("""
                ::error file=src/train.py,line=3,col=16,endLine=3,endColumn=20,title=PF101 [mutable-default-argument]::Mutable default argument `seen` is shared between calls
                ::warning file=src/train.py,line=4,col=2,endLine=4,endColumn=6,title=PF601 [preprocessing-leakage]::`seen` leaks, with 100%25 certainty
                ::error file=src/z.py,title=pitfall could not check this file::src/z.py: invalid UTF-8 (line 1, column 6)
                """, commands);
        assertEquals("a%3Ab%2Cc%0Ad", GithubReporter.property("a:b,c\nd"));
    }

    @Test
    void sarifHasEverythingCodeScanningReads() throws IOException {
        String sarif = write(new SarifReporter(), plainReport());
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode run = JSON.readTree(sarif).get("runs").get(0);
        assertEquals("utf16CodeUnits", run.get("columnKind").asText());
        assertEquals("file:///work/project/", run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText());

        JsonNode driver = run.get("tool").get("driver");
        assertEquals("pitfall", driver.get("name").asText());
        assertEquals(ToolInfo.version(), driver.get("semanticVersion").asText());
        JsonNode rule = driver.get("rules").get(1);
        assertEquals("PF601", rule.get("id").asText());
        assertEquals("preprocessing-leakage", rule.get("name").asText());
        assertEquals("warning", rule.get("defaultConfiguration").get("level").asText());
        assertEquals("The scaler sees the test rows.", rule.get("help").get("markdown").asText());
        assertEquals("medium", rule.get("properties").get("precision").asText());
        assertEquals("leakage", rule.get("properties").get("tags").get(1).asText());
        assertTrue(rule.get("helpUri").asText().startsWith("https://"));
        assertEquals("A list default is created once.", driver.get("rules").get(0).get("fullDescription").get("text").asText());

        JsonNode result = run.get("results").get(1);
        assertEquals("PF601", result.get("ruleId").asText());
        assertEquals(1, result.get("ruleIndex").asInt());
        assertEquals("warning", result.get("level").asText());
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals("src/train.py", location.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(JSON.readTree("{\"startLine\":4,\"startColumn\":2,\"endLine\":4,\"endColumn\":6}"), location.get("region"));
        JsonNode related = result.get("relatedLocations").get(0);
        assertEquals("fitted here", related.get("message").get("text").asText());
        assertEquals(3, related.get("physicalLocation").get("region").get("startLine").asInt());
        assertTrue(result.get("partialFingerprints").has(SarifReporter.FINGERPRINT_KEY));
        assertFalse(run.get("results").get(0).has("relatedLocations"));

        JsonNode invocation = run.get("invocations").get(0);
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
        assertEquals("src/z.py", notification.get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText());
    }

    @Test
    void sarifMarksInternalErrorsAsUnsuccessfulExecution() throws IOException {
        FileReport crashed = FileReport.failed("a.py", false,
                List.of(new Diagnostic("a.py", Diagnostic.Kind.INTERNAL_ERROR, "PF101", "NullPointerException")));
        String sarif = write(new SarifReporter(), new RunReport(List.of(MUTABLE), List.of(crashed), 1, ROOT));
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode invocation = JSON.readTree(sarif).get("runs").get(0).get("invocations").get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
        assertEquals("error", notification.get("level").asText());
        assertEquals("PF101", notification.get("associatedRule").get("id").asText());
        assertTrue(notification.get("message").get("text").asText().contains("please report it"));
    }

    @Test
    void sarifLocatesNotebookResultsInTheIpynbFile() throws Exception {
        String sarif = write(new SarifReporter(), notebookReport());
        assertEquals(List.of(), SarifSchema.violations(sarif));
        JsonNode result = JSON.readTree(sarif).get("runs").get(0).get("results").get(0);
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        int ipynbLine = NOTEBOOK.lines().toList().indexOf("    \"def f(rows=[]):\\n\",") + 1;
        assertEquals(ipynbLine, region.get("startLine").asInt());
        assertFalse(region.has("startColumn"), "cell columns are no columns of the JSON text");
        assertEquals(2, result.get("properties").get("cell").asInt());
        assertEquals(2, result.get("properties").get("cellLine").asInt());
        assertEquals(12, result.get("properties").get("cellColumn").asInt());
    }

    @Test
    void schemaValidatorRejectsBrokenSarif() {
        assertFalse(SarifSchema.violations("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}").isEmpty(),
                "a run without a tool is invalid SARIF");
    }

    @Test
    void fingerprintsIgnoreLineNumbersButNotContent() {
        String shifted = "# a new comment\n\n" + CODE;
        FileReport before = FileReport.of("t.py", SourceFile.ofText("t.py", CODE), List.of(mutable("t.py", 3, 16, 20)), List.of());
        FileReport after = FileReport.of("t.py", SourceFile.ofText("t.py", shifted), List.of(mutable("t.py", 5, 16, 20)), List.of());
        assertEquals(before.findings().get(0).fingerprint(), after.findings().get(0).fingerprint());
        FileReport edited = FileReport.of("t.py", SourceFile.ofText("t.py", CODE.replace("seen=[]", "seen=[0]")),
                List.of(mutable("t.py", 3, 16, 21)), List.of());
        assertNotEquals(before.findings().get(0).fingerprint(), edited.findings().get(0).fingerprint());
    }

    @Test
    void normalisingCollapsesWhitespaceAsTheRegexWould() {
        for (String line : List.of("", "   ", "x = 1", "  x  =\t\t1  ", "a\u000Bb\fc\r\nd", "a \t b", "a\u00A0 b",
                "\u2003x  y\u2003", "tab\tonly", "trailing \u001C")) {
            assertEquals(line.strip().replaceAll("\\s+", " "), FileReport.normalise(line), line);
        }
    }

    @Test
    void fingerprintsAreStable() {
        // Pinned: fingerprints identify findings across runs and versions (baselines, SARIF consumers).
        assertEquals("d76949244b55bbc7b21c57156fdeddbc:2", FileReport.fingerprint(FileReport.sha256(), "PF101", "dir/t.py",
                "def f(x=[]): pass", 1));
    }

    @Test
    void reportsForOutputsWithoutFingerprintsDifferOnlyInThem() {
        SourceFile source = SourceFile.ofText("t.py", CODE);
        List<Finding> findings = List.of(mutable("t.py", 3, 16, 20));
        FileReport with = FileReport.of("t.py", source, findings, List.of(), true);
        FileReport without = FileReport.of("t.py", source, findings, List.of(), false);
        assertEquals(null, without.findings().get(0).fingerprint());
        ReportedFinding expected = with.findings().get(0);
        assertEquals(new ReportedFinding(expected.finding(), expected.excerpt(), expected.excerptStart(), expected.notebook(),
                expected.relatedNotebook(), null), without.findings().get(0));
        assertFalse(new TextReporter(false, false).showsFingerprints() || new GithubReporter().showsFingerprints());
        assertTrue(new JsonReporter().showsFingerprints() && new SarifReporter().showsFingerprints());
    }

    @Test
    void identicalLinesGetDistinctFingerprints() {
        String twice = "def a(x=[]): pass\ndef a(x=[]): pass\n";
        FileReport file = FileReport.of("t.py", SourceFile.ofText("t.py", twice),
                List.of(mutable("t.py", 2, 9, 11), mutable("t.py", 1, 9, 11)), List.of());
        assertNotEquals(file.findings().get(0).fingerprint(), file.findings().get(1).fingerprint());
        assertTrue(file.findings().get(0).fingerprint().endsWith(":1"));
        assertEquals(1, file.findings().get(0).finding().range().startLine(), "findings are sorted by position");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
