package dev.pitfall.report;

import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.lint.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a reporter writes: the enabled rules (with their configured severity as default),
 * the files in path order, and the directory that relative paths are relative to.
 */
public record RunReport(List<RuleDescriptor> rules, List<FileReport> files, int filesChecked, Path sourceRoot) {

    public long count(Severity severity) {
        return files.stream().flatMap(f -> f.findings().stream())
                .filter(f -> f.finding().severity() == severity).count();
    }

    public int findingCount() {
        return files.stream().mapToInt(f -> f.findings().size()).sum();
    }

    public long filesWithFindings() {
        return files.stream().filter(f -> !f.findings().isEmpty()).count();
    }

    public List<Diagnostic> diagnostics() {
        return files.stream().flatMap(f -> f.diagnostics().stream()).toList();
    }

    public boolean hasInternalErrors() {
        return diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.INTERNAL_ERROR);
    }

    public int ruleIndex(String code) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
