package dev.pitfall.rules.pandas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Finding;
import dev.pitfall.lint.LintResult;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.Severity;
import dev.pitfall.source.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the fixtures cannot say: the severity of each form, where a finding starts and ends, and
 * that the message names the frame and spells the one-step fix.
 */
class PandasRuleMessagesTest {
    private static final String HEADER = "import pandas as pd\ndf = pd.read_csv('data.csv')\n";

    private static Finding onlyFinding(String code, String body) {
        LintResult result = new Linter(Set.of(code)).lint(SourceFile.ofText("case.py", HEADER + body));
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, result.findings().size(), () -> "findings: " + result.findings());
        return result.findings().get(0);
    }

    private static void assertFinding(Finding finding, Severity severity, String... fragments) {
        assertEquals(severity, finding.severity(), finding.message());
        for (String fragment : fragments) {
            assertTrue(finding.message().contains(fragment), () -> "\"" + fragment + "\" not in: " + finding.message());
        }
    }

    @Test
    void iterrowsIsAWarningAtTheIterrowsCall() {
        Finding finding = onlyFinding("PF201", "for _, row in df.iterrows():\n    print(row)\n");
        assertFinding(finding, Severity.WARNING, "\"df\"", "iterrows()", "itertuples()");
        assertEquals(3, finding.range().startLine());
        assertEquals(15, finding.range().startColumn());
        assertEquals(28, finding.range().endColumn());
    }

    @Test
    void itertuplesAndRawApplyAreNotes() {
        assertFinding(onlyFinding("PF201", "for r in df.itertuples():\n    print(r)\n"), Severity.NOTE, "itertuples()");
        assertFinding(onlyFinding("PF201", "s = df.apply(sum, axis=1, raw=True)\n"), Severity.NOTE,
                "df.apply(..., axis=1, raw=True)", "sum");
    }

    @Test
    void rowWiseApplyNamesTheFunctionAndTheAxisAsWritten() {
        Finding finding = onlyFinding("PF201", "def f(r):\n    return r.a\ndf['b'] = df.apply(f, axis='columns')\n");
        assertFinding(finding, Severity.WARNING, "df.apply(..., axis='columns') calls f once per row of \"df\"");
    }

    @Test
    void positionalLoopIsReportedAtTheRangeCallAndQuotesTheAccess() {
        Finding finding = onlyFinding("PF201", "for i in range(len(df)):\n    print(df.iloc[i])\n");
        assertFinding(finding, Severity.WARNING, "\"df\" is walked one row at a time (df.iloc[i] on line 4)");
        assertEquals(10, finding.range().startColumn());
    }

    @Test
    void chainedAssignmentIsAnErrorWithTheLocFix() {
        assertFinding(onlyFinding("PF202", "df['price'][0] = 10.0\n"), Severity.ERROR,
                "\"df\" is never updated under pandas Copy-on-Write", "use df.loc[0, 'price'] = ...");
        assertFinding(onlyFinding("PF202", "df[df.age > 60]['senior'] = True\n"), Severity.ERROR,
                "(the rows selected first are a copy)", "use df.loc[df.age > 60, 'senior'] = ...");
        assertFinding(onlyFinding("PF202", "df['price'].iloc[0] = 1.0\n"), Severity.ERROR,
                "use df.iloc[0, df.columns.get_loc('price')] = ...");
    }

    @Test
    void chainedInPlaceCallIsAnErrorThatSuggestsAssigningTheResult() {
        assertFinding(onlyFinding("PF202", "df.age.fillna(0, inplace=True)\n"), Severity.ERROR,
                "df.age.fillna(..., inplace=True)", "df[\"age\"] = df[\"age\"].fillna(...)");
    }

    @Test
    void columnsSelectedFirstBecomeTheColumnPartOfTheFix() {
        assertFinding(onlyFinding("PF202", "part = df[['a', 'b']][df['a'] > 0]\n"), Severity.NOTE,
                "use df.loc[df['a'] > 0, ['a', 'b']]");
    }

    @Test
    void aPlainIntegerSliceIsPositionalSoTheFixUsesIloc() {
        // df[...][:5] takes the first five rows; .loc[:5] would take the labels up to 5, included
        assertFinding(onlyFinding("PF202", "head = df[['a', 'b']][:5]\n"), Severity.NOTE,
                "use df.iloc[:5, df.columns.get_indexer(['a', 'b'])]");
        assertFinding(onlyFinding("PF202", "df[:3]['a'] = 0\n"), Severity.ERROR,
                "use df.iloc[:3, df.columns.get_loc('a')]");
    }

    @Test
    void aSliceBoundByAnIntegerNameIsPositionalToo() {
        assertFinding(onlyFinding("PF202", "n_train = len(df) // 2\nages = df['age'][:n_train]\n"), Severity.NOTE,
                "use df.iloc[:n_train, df.columns.get_loc('age')]");
    }

    @Test
    void chainedReadIsANote() {
        Finding finding = onlyFinding("PF202", "first = df['price'][0]\n");
        assertFinding(finding, Severity.NOTE, "use df.loc[0, 'price']");
        assertEquals(9, finding.range().startColumn());
    }
}
