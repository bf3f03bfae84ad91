package dev.pitfall.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rule table is generated from the rules' metadata and must not go stale. */
class RuleTableTest {
    /** The README that holds the table. */
    static final Path README = Path.of(System.getProperty("pitfall.root", "..")).resolve("README.md");
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
                "the rule table in " + README + " is stale: replace it with the output of `bin/pitfall rules --format markdown`");
    }
}
