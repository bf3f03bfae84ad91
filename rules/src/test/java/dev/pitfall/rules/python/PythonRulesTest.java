package dev.pitfall.rules.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.lint.Finding;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.Severity;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.TextRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the fixtures do not show: severities, messages, ranges and related locations. */
class PythonRulesTest {
    private static List<Finding> lint(String code, String rule) {
        return new Linter(Set.of(rule)).lint(SourceFile.ofText("t.py", code)).findings();
    }

    @Test
    void mutatedDefaultIsAnErrorNamingTheParameterAndTheMutation() {
        List<Finding> findings = lint("""
                def collect(batch, seen=[]):
                    seen.append(batch)
                    return seen
                """, "PF101");
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("Default value of \"seen\" is a list shared by every call; it is mutated here "
                + "(line 2). Use None and create the list inside the function", finding.message());
        assertEquals(new TextRange(1, 25, 1, 27), finding.range(), "the default expression");
        assertEquals(2, finding.related().get(0).range().startLine());
    }

    @Test
    void inANotebookTheMutationIsNamedByCellAndLine() throws Exception {
        java.nio.file.Path notebook = dev.pitfall.testing.Fixtures.root()
                .resolve("testdata/rules/mutable-default-argument/notebook_module_level_default.ipynb");
        List<Finding> findings = new Linter(Set.of("PF101")).lint(dev.pitfall.testing.Fixtures.load(notebook)).findings();
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("it is mutated here (line 2 of cell 3)"),
                findings.get(0).message());
    }

    @Test
    void defaultCopiedFirstOrOnlyReadIsAWarning() {
        List<Finding> copied = lint("""
                def normalize(weights=[1.0, 1.0]):
                    weights = list(weights)
                    weights.append(0.0)
                    return weights
                """, "PF101");
        assertEquals(Severity.WARNING, copied.get(0).severity());
        List<Finding> read = lint("""
                def pick(frame, cols=["age", "income"]):
                    return frame[list(cols)]
                """, "PF101");
        assertEquals(Severity.WARNING, read.get(0).severity());
        assertTrue(read.get(0).message().contains("nothing changes it yet"), read.get(0).message());
    }

    @Test
    void storedOrReturnedDefaultsAndModuleLevelNamesAreErrors() {
        List<Finding> findings = lint("""
                DEFAULTS = ["accuracy"]
                class Builder:
                    def __init__(self, steps=[]):
                        self.steps = steps
                def metrics(names=DEFAULTS):
                    return names
                """, "PF101");
        assertEquals(2, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("it is stored here (line 4)"), findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("Default value of \"names\" is the module-level list "
                + "DEFAULTS, shared by every call; it is returned here"), findings.get(1).message());
    }

    @Test
    void lateBindingNamesTheVariableAndPointsAtTheLoop() {
        List<Finding> findings = lint("""
                rules = []
                for t in [0.3, 0.5]:
                    rules.append(lambda p: p > t)
                """, "PF102");
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(new TextRange(3, 32, 3, 33), finding.range(), "the first read of t in the lambda");
        assertTrue(finding.message().startsWith("\"t\" is read when the lambda runs, not when it is created"),
                finding.message());
        assertTrue(finding.message().contains("lambda ..., t=t: ..."), finding.message());
        assertEquals(new TextRange(2, 5, 2, 6), finding.related().get(0).range(), "the loop target");
    }

    @Test
    void lateBindingInANestedDefSuggestsADefaultParameter() {
        List<Finding> findings = lint("""
                handlers = {}
                for label in ["cat", "dog"]:
                    def handler(score):
                        return f"{label}: {score}"
                    handlers[label] = handler
                """, "PF102");
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("def handler(..., label=label)"), findings.get(0).message());
    }
}
