package dev.pitfall.cli;

import dev.pitfall.lint.LintResult;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.ToolInfo;
import dev.pitfall.source.SourceFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code pitfall} command: exit code 0 clean, 1 problems found, 2 usage, configuration or internal error.
 * Like {@code check}, its model is built without annotations (see {@link CheckCommand}); the rarely
 * used subcommands keep theirs.
 */
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    /**
     * The subcommands in the order the usage lists them. picocli builds a command's model when it is
     * added, by reflection over annotations for all but {@code check}; a run that names its command
     * gets only that one (see {@link #addSubcommands}).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Console.system(), args));
    }

    /** Runs pitfall with the given surroundings and returns the exit code, without exiting. */
    public static int run(Console console, String... args) {
        if (certainToAnalyse(args)) {
            prepareAnalysis();
        }
        ConsoleFactory factory = new ConsoleFactory(console);
        CommandLine commandLine = new CommandLine(new Main().spec(), factory);
        addSubcommands(commandLine, factory, args);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(console.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(console.err(), StandardCharsets.UTF_8), true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                console.stdoutIsTerminal() && !console.noColorRequested()
                        ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            err.println("pitfall: " + exception.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, err)) {
                err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return EXIT_ERROR;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof UserError) {
                err.println("pitfall: " + exception.getMessage());
            } else {
                err.println("pitfall: internal error: " + exception + " at "
                        + (exception.getStackTrace().length > 0 ? exception.getStackTrace()[0] : "?")
                        + "\nThis is a bug in pitfall; please report it at " + ToolInfo.ISSUES);
            }
            return EXIT_ERROR;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Touches what a typical ML script does: imports, a function, a loop, a pandas chain, an sklearn fit. */
    private static final String WARM_UP_SOURCE = """
            import numpy as np
            import pandas as pd
            from sklearn.model_selection import train_test_split
            def load(path, columns=[]):
                frame = pd.read_csv(path)
                for name in columns:
                    frame[name] = frame[name].fillna(0)
                return frame
            x_train, x_test = train_test_split(np.asarray(load("x.csv")), test_size=0.2)
            """;

    /**
     * Whether this is a {@code check} that will analyse whatever it is given: without the result
     * cache, or reading standard input (never cached). With the cache, an unchanged file costs no
     * analysis, and preparing for one would cost a cached run about a third of its CPU time.
     */
    private static boolean certainToAnalyse(String... args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--no-cache") || arg.equals("-") || arg.startsWith("--stdin-filename")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts, on the second core, the one-time work the first file's analysis would otherwise wait
     * for: the lexer's and parser's ANTLR state machines (deserialised in their static
     * initialisers), the rule index, the rules' tables and the first, interpreted execution of the
     * analysis and report code, by linting a small sample with every rule and reporting its
     * findings (without fingerprints, which most outputs do not show). It overlaps the
     * command-line and configuration handling; the JVM runs each class initialiser once, so the
     * real analysis finds it done or waits for it.
     */
    private static void prepareAnalysis() {
        Thread preparation = new Thread(() -> {
            try {
                Set<String> everyRule = new HashSet<>();
                for (RuleDescriptor rule : Linter.allRules()) {
                    everyRule.add(rule.code());
                }
                SourceFile sample = SourceFile.ofText("<warm-up>", WARM_UP_SOURCE);
                LintResult result = new Linter(everyRule).lint(sample);
                FileReport.of(sample.path(), sample, result.findings(), result.diagnostics(), false);
            } catch (RuntimeException | LinkageError e) {
                // Only a head start is lost; the analysis meets the same failure and reports it.
            }
        }, "pitfall-prepare");
        preparation.setDaemon(true);
        preparation.start();
    }

    /**
     * All subcommands, unless the first argument names one exactly: then the others cannot take
     * part in the run (picocli hands every later argument to that command), so they are left out.
     * Anything else (no command, an option, a misspelt command, {@code help}, which describes the
     * others) gets them all for usage and suggestions.
     */
    private static void addSubcommands(CommandLine commandLine, ConsoleFactory factory, String... args) {
        String named = args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        for (Map.Entry<String, Class<?>> command : SUBCOMMANDS.entrySet()) {
            if (named == null || named.equals(command.getKey())) {
                commandLine.addSubcommand(command.getKey(), command.getValue() == CheckCommand.class
                        ? new CommandLine(CheckCommand.spec(new CheckCommand(factory.console())), factory)
                        : command.getValue());
            }
        }
    }

    private CommandSpec spec() {
        spec = CommandSpec.wrapWithoutInspection(this).name("pitfall").versionProvider(new Version());
        spec.usageMessage().description(
                "Finds the pitfalls that silently break machine-learning code in Python scripts and notebooks.");
        addStandardHelpOptions(spec);
        return spec;
    }

    /** What picocli's mixinStandardHelpOptions adds, without its annotated mixin. */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("check", CheckCommand.class);
        commands.put("rules", RulesCommand.class);
        commands.put("rule", RuleCommand.class);
        commands.put("debug", DebugCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    @Override
    public Integer call() {
        // "pitfall" alone is a usage error, but the usage says what it can do.
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_ERROR;
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolInfo.NAME + " " + ToolInfo.version()};
        }
    }

    /** Gives every command the Console the run was started with. */
    private record ConsoleFactory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DebugCommand.AstCommand.class) {
                return type.cast(new DebugCommand.AstCommand(console));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
