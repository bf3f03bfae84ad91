package dev.pitfall.cli;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: code, name, summary and default severity.")
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<RuleDescriptor> rules = Linter.allRules();
        int nameWidth = "NAME".length();
        int severityWidth = "SEVERITY".length();
        for (RuleDescriptor rule : rules) {
            nameWidth = Math.max(nameWidth, rule.name().length());
        }
        String row = "%-6s  %-" + nameWidth + "s  %-" + severityWidth + "s  %s\n";
        StringBuilder table = new StringBuilder(String.format(row, "CODE", "NAME", "SEVERITY", "SUMMARY"));
        for (RuleDescriptor rule : rules) {
            table.append(String.format(row, rule.code(), rule.name(),
                    rule.defaultSeverity().name().toLowerCase(Locale.ROOT), rule.summary()));
        }
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
    }
}
