package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's rule table and docs/rules/ are generated from the rules' metadata and must not go stale. */
class RuleTableTest {
    private static final Path ROOT = Path.of(System.getProperty("pitfall.root", ".."));
    private static final Path README = ROOT.resolve("README.md");
    private static final Path DOCS = ROOT.resolve("docs/rules");
    private static final String REGENERATE = "`bin/pitfall rules --format markdown --write-docs docs/rules`";
    private static final String BEGIN = "<!-- rules:begin -->\n";
    private static final String END = "<!-- rules:end -->";

    @Test
    void readmeRuleTableIsCurrent() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, README + " has no " + BEGIN.strip() + " ... " + END + " section");
        CliRun generated = CliRun.in(Path.of("."), "rules", "--format", "markdown");
        assertEquals(0, generated.exitCode());
        assertEquals(generated.out(), readme.substring(begin + BEGIN.length(), end),
                "the rule table in " + README + " is stale: replace it with the output of " + REGENERATE);
    }

    @Test
    void everyRuleHasItsCurrentExplanationPage() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (RuleDescriptor rule : Linter.allRules()) {
            Path page = DOCS.resolve(RulesCommand.docFileName(rule));
            expected.add(page.getFileName().toString());
            assertTrue(Files.exists(page), page + " is missing: run " + REGENERATE);
            assertEquals(RuleCommand.page(rule), Files.readString(page), page + " is stale: run " + REGENERATE);
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, present, DOCS + " holds pages of rules that no longer exist");
        }
    }
}
