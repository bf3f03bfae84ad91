package dev.pitfall.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.ast.Call;
import dev.pitfall.ast.Name;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {
    private static RuleDescriptor descriptor(String code, String name) {
        return new RuleDescriptor(code, name, "test rule", "explanation", Severity.WARNING,
                List.of(), "high");
    }

    /** Reports every name it sees. */
    public static final class NameReporter implements Rule {
        @Override
        public void register(Dispatch dispatch) {
            dispatch.on(Name.class, (name, context) -> context.report(name, "name " + name.id()));
        }
    }

    /** Fails on the first call. */
    public static final class FailingRule implements Rule {
        @Override
        public void register(Dispatch dispatch) {
            dispatch.on(Call.class, (call, context) -> {
                throw new IllegalStateException("boom");
            });
        }
    }

    @Test
    void aFailingRuleIsReportedAndTheOthersStillRun() {
        Linter linter = new Linter(List.of(
                new RuleIndex.Entry(descriptor("PF901", "failing"), FailingRule::new),
                new RuleIndex.Entry(descriptor("PF902", "names"), NameReporter::new)),
                Set.of("PF901", "PF902"), SourceParser::parse);
        LintResult result = linter.lint(SourceFile.ofText("a.py", "f(x)\ng(y)\n"));
        assertEquals(1, result.diagnostics().size(), "one diagnostic, however often the rule would fail");
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertEquals(Diagnostic.Kind.INTERNAL_ERROR, diagnostic.kind());
        assertEquals("PF901", diagnostic.ruleCode());
        assertTrue(diagnostic.message().contains("a.py") && diagnostic.message().contains("failing"),
                diagnostic.message());
        assertEquals(List.of("name f", "name x", "name g", "name y"),
                result.findings().stream().map(Finding::message).toList());
    }

    @Test
    void findingsAreSortedByPositionAcrossRules() {
        Linter linter = new Linter(List.of(
                new RuleIndex.Entry(descriptor("PF902", "names"), NameReporter::new),
                new RuleIndex.Entry(descriptor("PF903", "names-again"), NameReporter::new)),
                Set.of("PF902", "PF903"), SourceParser::parse);
        List<Finding> findings = linter.lint(SourceFile.ofText("a.py", "b = a\n")).findings();
        assertEquals(List.of("PF902 1:1", "PF903 1:1", "PF902 1:5", "PF903 1:5"), findings.stream()
                .map(f -> f.code() + " " + f.range().startLine() + ":" + f.range().startColumn()).toList());
    }

    @Test
    void onlyEnabledRulesRun() {
        Linter linter = new Linter(List.of(new RuleIndex.Entry(descriptor("PF902", "names"), NameReporter::new)),
                Set.of("PF101"), SourceParser::parse);
        assertEquals(List.of(), linter.lint(SourceFile.ofText("a.py", "x\n")).findings());
    }

    @Test
    void aSyntaxErrorIsAFindingOfPf001() {
        LintResult result = new Linter(Set.of("PF001", "PF101")).lint(
                SourceFile.ofText("bad.py", "def f(x=[])\n    pass\n"));
        assertEquals(1, result.findings().size());
        Finding finding = result.findings().get(0);
        assertEquals("PF001", finding.code());
        assertEquals("syntax-error", finding.name());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(1, finding.range().startLine());
        assertEquals("expected ':'", finding.message());
        assertEquals(List.of(), new Linter(Set.of("PF101")).lint(
                SourceFile.ofText("bad.py", "def f(x=[])\n    pass\n")).findings());
    }

    @Test
    void theParserFailingIsADiagnosticNotAnException() {
        LintResult result = new Linter(Set.of("PF101"), source -> {
            throw new IllegalStateException("parser bug");
        }).lint(SourceFile.ofText("a.py", "x = 1\n"));
        assertEquals(List.of(), result.findings());
        assertEquals(Diagnostic.Kind.INTERNAL_ERROR, result.diagnostics().get(0).kind());
    }

    @Test
    void rulesAreListedByCodeAndFoundByCodeOrName() {
        List<RuleDescriptor> rules = Linter.allRules();
        List<String> codes = rules.stream().map(RuleDescriptor::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        assertTrue(codes.containsAll(List.of("PF001", "PF101", "PF102")), codes.toString());
        assertEquals(Optional.of("PF101"), Linter.findRule("mutable-default-argument").map(RuleDescriptor::code));
        assertEquals(Optional.of("late-binding-closure"), Linter.findRule("pf102").map(RuleDescriptor::name));
        assertEquals(Optional.empty(), Linter.findRule("no-such-rule"));
        for (RuleDescriptor rule : rules) {
            assertTrue(rule.explanation().contains("## Why it matters"), rule.code() + " explains why");
        }
    }
}
