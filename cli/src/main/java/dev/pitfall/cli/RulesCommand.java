package dev.pitfall.cli;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: code, name, default severity and summary.")
final class RulesCommand implements Runnable {
    enum Format { table, markdown }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default) or markdown (the README's rule table, with an anchor per rule).")
    Format format = Format.table;

    @Override
    public void run() {
        List<RuleDescriptor> rules = Linter.allRules();
        String text = format == Format.markdown ? markdown(rules) : table(rules);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }

    private static String table(List<RuleDescriptor> rules) {
        int nameWidth = "NAME".length();
        for (RuleDescriptor rule : rules) {
            nameWidth = Math.max(nameWidth, rule.name().length());
        }
        String row = "%-6s  %-" + nameWidth + "s  %-8s  %s\n";
        StringBuilder table = new StringBuilder(String.format(row, "CODE", "NAME", "SEVERITY", "SUMMARY"));
        for (RuleDescriptor rule : rules) {
            table.append(String.format(row, rule.code(), rule.name(), severity(rule), rule.summary()));
        }
        return table.toString();
    }

    /** The anchors are what SARIF help links ({@code #pf101}) point at. */
    private static String markdown(List<RuleDescriptor> rules) {
        StringBuilder table = new StringBuilder("| code | name | default severity | summary |\n|---|---|---|---|\n");
        for (RuleDescriptor rule : rules) {
            table.append("| <a id=\"").append(rule.code().toLowerCase(Locale.ROOT)).append("\"></a>`")
                    .append(rule.code()).append("` | `").append(rule.name()).append("` | ").append(severity(rule))
                    .append(" | ").append(rule.summary().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String severity(RuleDescriptor rule) {
        return rule.defaultSeverity().name().toLowerCase(Locale.ROOT);
    }
}
