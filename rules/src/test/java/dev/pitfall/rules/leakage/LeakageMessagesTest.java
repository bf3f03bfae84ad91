package dev.pitfall.rules.leakage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitfall.lint.Finding;
import dev.pitfall.lint.LintResult;
import dev.pitfall.lint.Linter;
import dev.pitfall.source.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the fixtures cannot say: which story a PF401 message tells. */
class LeakageMessagesTest {
    private static List<Finding> lint(String code) {
        LintResult result = new Linter(Set.of("PF401")).lint(SourceFile.ofText("case.py", code));
        assertEquals(List.of(), result.diagnostics());
        return result.findings();
    }

    @Test
    void columnsNamedFromTrainAndTestTogetherDoNotMakeTheTrainingRowsTestData() {
        List<Finding> findings = lint("""
                import pandas as pd
                from sklearn.model_selection import train_test_split
                from sklearn.preprocessing import StandardScaler
                train = pd.read_csv("train.csv")
                test = pd.read_csv("test.csv")
                full = pd.concat([train, test])
                num_cols = full.select_dtypes("number").columns
                scaled = StandardScaler().fit_transform(train[num_cols])
                X_tr, X_va = train_test_split(scaled, random_state=0)
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("StandardScaler is fitted on \"train[num_cols]\" (line 8) before \"scaled\" is split by "
                + "train_test_split (line 9); fit it on the training split only", findings.get(0).message());
    }

    @Test
    void aRowSelectorStillBringsItsRows() {
        List<Finding> findings = lint("""
                import pandas as pd
                from sklearn.preprocessing import StandardScaler
                train = pd.read_csv("train.csv")
                test = pd.read_csv("test.csv")
                both = pd.concat([train, test])
                rows = both.index
                StandardScaler().fit(both.loc[rows])
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(7, findings.get(0).range().startLine());
    }

    @Test
    void aFitOnAllRowsInsideTheFoldLoopSaysSo() {
        List<Finding> findings = lint("""
                import numpy as np
                from sklearn.model_selection import KFold
                from sklearn.preprocessing import StandardScaler
                X = np.load("X.npy")
                for tr, va in KFold(5).split(X):
                    scaler = StandardScaler().fit(X)
                    ok = StandardScaler().fit(X[tr])
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(6, findings.get(0).range().startLine());
        assertEquals("\"scaler\" is fitted on \"X\" (line 6) inside the loop over the folds of \"X\" made by "
                + "KFold.split (line 5), so it has seen each fold's validation rows; fit it on the training rows "
                + "of the fold only (or use a Pipeline)", findings.get(0).message());
    }
}
