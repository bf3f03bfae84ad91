package dev.pitfall.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import dev.pitfall.testing.CpythonAst;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every rule over CPython 3.13's standard library: no rule may fail on any file, and the findings
 * are written to {@code target/stdlib-findings.txt} for review. Slow, so it runs only with
 * {@code -Dpitfall.stdlib=true}.
 */
class StdlibRunTest {
    @Test
    void everyRuleRunsOverTheStandardLibrary() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("pitfall.stdlib"), "enable with -Dpitfall.stdlib=true");
        Path python = Path.of(CpythonAst.python());
        Path stdlib = python.getParent().getParent().resolve("lib/python3.13");
        Set<String> codes = Linter.allRules().stream().map(RuleDescriptor::code).collect(Collectors.toSet());
        codes.remove("PF001");
        Linter linter = new Linter(codes);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stdlib)) {
            files = walk.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages"))
                    .sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            SourceFile source;
            try {
                source = SourceReader.read(file, stdlib.relativize(file).toString());
            } catch (SourceException e) {
                continue;
            }
            LintResult result = linter.lint(source);
            result.diagnostics().forEach(d -> problems.add(d.path() + ": " + d.message()));
            for (Finding f : result.findings()) {
                findings.add(f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + ": "
                        + f.code() + " [" + f.severity() + "] " + f.message());
            }
        }
        Files.write(Path.of("target/stdlib-findings.txt"), findings);
        System.out.println(files.size() + " files, " + findings.size() + " findings, "
                + problems.size() + " problems");
        assertEquals(List.of(), problems);
    }
}
