package dev.pitfall.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceFile;
import dev.pitfall.testing.CpythonAst;
import dev.pitfall.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture directory {@code testdata/rules/<rule-name>/} with the rule of that name
 * (plus any other rule its markers name). A line ending in {@code # expect: name[, name...]} must
 * produce exactly those findings (a name listed twice: two findings); every other line must
 * produce none of those rules. All mismatches of a directory are reported together as file:line.
 *
 * <p>{@code -Dpitfall.fixtures.parser=cpython} parses with CPython instead of our parser, which
 * tells a parser bug from a rule bug.
 */
class RuleFixtureTest {
    private static final String MARKER = "# expect: ";

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Path root = Fixtures.root().resolve("testdata/rules");
        List<Path> directories;
        try (Stream<Path> listing = Files.list(root)) {
            directories = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(directories.isEmpty(), "no fixture directories under " + root);
        return directories.stream().map(directory -> DynamicTest.dynamicTest(
                directory.getFileName().toString(), () -> checkDirectory(directory)));
    }

    private static Function<SourceFile, ParseResult> parser() {
        return "cpython".equals(System.getProperty("pitfall.fixtures.parser"))
                ? CpythonAst::parse : SourceParser::parse;
    }

    private static void checkDirectory(Path directory) throws IOException {
        String ruleName = directory.getFileName().toString();
        // A directory may be written before its rule; it is reported as skipped until the rule exists.
        RuleDescriptor rule = Linter.findRule(ruleName).orElse(null);
        Assumptions.assumeTrue(rule != null, "no rule named " + ruleName + " yet for " + directory);
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".py") || f.toString().endsWith(".ipynb"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "no fixtures in " + directory);
        List<String> mismatches = new ArrayList<>();
        int expectedFindings = 0;
        for (Path file : files) {
            SourceFile source = Fixtures.load(file);
            Map<Integer, List<String>> expected = expectations(source, file, mismatches);
            Set<String> checked = new HashSet<>();
            checked.add(rule.name());
            expected.values().forEach(checked::addAll);
            Set<String> codes = new HashSet<>();
            for (String name : checked) {
                codes.add(Linter.findRule(name).orElseThrow().code());
            }
            LintResult result = new Linter(codes, parser()).lint(source);
            for (Diagnostic diagnostic : result.diagnostics()) {
                mismatches.add(file.getFileName() + ": diagnostic " + diagnostic.message());
            }
            Map<Integer, List<String>> actual = new TreeMap<>();
            Map<Integer, List<String>> messages = new TreeMap<>();
            for (Finding finding : result.findings()) {
                actual.computeIfAbsent(finding.range().startLine(), l -> new ArrayList<>()).add(finding.name());
                messages.computeIfAbsent(finding.range().startLine(), l -> new ArrayList<>())
                        .add(finding.name() + " [" + finding.severity() + "] " + finding.message());
            }
            Set<Integer> lines = new java.util.TreeSet<>(expected.keySet());
            lines.addAll(actual.keySet());
            for (int line : lines) {
                List<String> want = sorted(expected.getOrDefault(line, List.of()));
                List<String> got = sorted(actual.getOrDefault(line, List.of()));
                expectedFindings += want.size();
                if (!want.equals(got)) {
                    mismatches.add(file.getFileName() + ":" + line + ": expected " + want + ", got "
                            + messages.getOrDefault(line, List.of()));
                }
            }
        }
        assertTrue(mismatches.isEmpty(), ruleName + ": " + mismatches.size() + " mismatch(es)\n  "
                + String.join("\n  ", mismatches));
        if (expectedFindings == 0) {
            fail(ruleName + ": the fixtures expect no finding at all, so they cannot show the rule works");
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        Collections.sort(copy);
        return copy;
    }

    private static Map<Integer, List<String>> expectations(SourceFile source, Path file, List<String> problems) {
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            int at = text.indexOf(MARKER);
            if (at < 0) {
                continue;
            }
            for (String name : text.substring(at + MARKER.length()).split(",")) {
                String trimmed = name.strip();
                if (Linter.findRule(trimmed).isEmpty()) {
                    problems.add(file.getFileName() + ":" + line + ": marker names unknown rule \"" + trimmed + "\"");
                    continue;
                }
                expected.computeIfAbsent(line, l -> new ArrayList<>()).add(trimmed);
            }
        }
        return expected;
    }
}
