package dev.pitfall.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A notebook is linted as one module of joined cells, but its reader knows cells, not joined lines:
 * every line a message names must be given as "line N of cell M".
 */
class NotebookMessagesTest {
    /** "line 12" not followed by " of cell": a joined-notebook line number. */
    private static final Pattern BARE_LINE = Pattern.compile("\\bline (\\d+)(?! of cell)");

    private static List<Finding> lint(String fixture, String... codes) throws IOException {
        Path notebook = Fixtures.root().resolve("testdata/rules").resolve(fixture);
        return new Linter(Set.of(codes)).lint(Fixtures.load(notebook)).findings();
    }

    @Test
    void leakageNamesTheSplitByCellAndLine() throws IOException {
        List<Finding> findings = lint("preprocessing-leakage/realistic_titanic_kaggle.ipynb", "PF401");
        Finding scaler = findings.stream().filter(f -> f.message().startsWith("\"scaler\""))
                .findFirst().orElseThrow(() -> new AssertionError("no scaler finding in " + findings));
        assertEquals("\"scaler\" is fitted on \"train[features]\" (line 2 of cell 9) before "
                + "\"train_scaled\" is cross-validated by cross_val_score (line 2 of cell 10); put the "
                + "preprocessing in a Pipeline so that each fold fits its own", scaler.message());
    }

    @Test
    void positionalRowLoopNamesTheAccessByCellAndLine() throws IOException {
        List<Finding> findings = lint("dataframe-row-iteration/realistic_house_prices_eda.ipynb", "PF201");
        assertTrue(findings.stream().anyMatch(f -> f.message().contains(
                "\"houses\" is walked one row at a time (houses.iloc[i] on line 3 of cell 8)")),
                () -> findings.stream().map(Finding::message).collect(Collectors.joining("\n")));
    }

    @Test
    void noRuleNamesAJoinedLineInAnyNotebookFixture() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.walk(Fixtures.root().resolve("testdata/rules"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty());
        Set<String> every = Linter.allRules().stream().map(RuleDescriptor::code).collect(Collectors.toSet());
        List<String> bare = new ArrayList<>();
        int withLines = 0;
        for (Path notebook : notebooks) {
            for (Finding finding : new Linter(every).lint(Fixtures.load(notebook)).findings()) {
                Matcher matcher = BARE_LINE.matcher(finding.message());
                if (matcher.find()) {
                    bare.add(notebook.getFileName() + ": " + finding.message());
                }
                if (finding.message().contains(" of cell ")) {
                    withLines++;
                }
            }
        }
        assertTrue(bare.isEmpty(), () -> String.join("\n", bare));
        assertTrue(withLines >= 3, "the notebook fixtures should hold messages that name lines: " + withLines);
    }
}
