package dev.pitfall.cli;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--write-docs", paramLabel = "DIR",
            description = "Also write each rule's explanation to DIR/<name>.md (the README links docs/rules/).")
    Path docsDir;

    @Override
    public void run() {
        List<RuleDescriptor> rules = Linter.allRules();
        if (docsDir != null) {
            writeDocs(rules, docsDir);
        }
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

    private static void writeDocs(List<RuleDescriptor> rules, Path dir) {
        try {
            Files.createDirectories(dir);
            for (RuleDescriptor rule : rules) {
                Files.writeString(dir.resolve(docFileName(rule)), RuleCommand.page(rule));
            }
        } catch (IOException e) {
            throw new UserError("cannot write rule docs to " + dir + ": " + e.getMessage());
        }
    }

    static String docFileName(RuleDescriptor rule) {
        return rule.name() + ".md";
    }

    /** The anchors are what SARIF help links ({@code #pf101}) point at. */
    private static String markdown(List<RuleDescriptor> rules) {
        StringBuilder table = new StringBuilder("| code | name | default severity | summary |\n|---|---|---|---|\n");
        for (RuleDescriptor rule : rules) {
            table.append("| <a id=\"").append(rule.code().toLowerCase(Locale.ROOT)).append("\"></a>`")
                    .append(rule.code()).append("` | [`").append(rule.name()).append("`](docs/rules/")
                    .append(docFileName(rule)).append(") | ").append(severity(rule))
                    .append(" | ").append(rule.summary().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String severity(RuleDescriptor rule) {
        return rule.defaultSeverity().name().toLowerCase(Locale.ROOT);
    }
}
