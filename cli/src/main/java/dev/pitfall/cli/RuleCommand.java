package dev.pitfall.cli;

import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rule", mixinStandardHelpOptions = true,
        description = "Explain one rule: what it finds, why it matters, an example and the fix.")
final class RuleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CODE|NAME", description = "The rule's code (PF101) or name (mutable-default-argument).")
    String rule;

    @Override
    public void run() {
        RuleDescriptor descriptor = Linter.findRule(rule.trim()).orElseThrow(() ->
                new UserError("unknown rule '" + rule + "' (see `pitfall rules` for codes and names)"));
        PrintWriter out = spec.commandLine().getOut();
        out.print(page(descriptor));
        out.flush();
    }

    /** The full explanation in Markdown: what the terminal shows and what docs/rules/ holds. */
    static String page(RuleDescriptor descriptor) {
        return "# " + descriptor.code() + " " + descriptor.name() + "\n\n"
                + descriptor.summary() + "\n\n"
                + "Default severity: " + descriptor.defaultSeverity().name().toLowerCase(Locale.ROOT)
                + "    Precision: " + descriptor.precision()
                + "    Tags: " + String.join(", ", descriptor.tags()) + "\n\n"
                + descriptor.explanation().strip() + "\n";
    }
}
