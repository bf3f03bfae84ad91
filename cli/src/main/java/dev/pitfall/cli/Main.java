package dev.pitfall.cli;

import dev.pitfall.report.ToolInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pitfall} command: exit code 0 clean, 1 problems found, 2 usage, configuration or internal error. */
@Command(name = "pitfall", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds the pitfalls that silently break machine-learning code in Python scripts and notebooks.",
        subcommands = {CheckCommand.class, RulesCommand.class, RuleCommand.class, DebugCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Console.system(), args));
    }

    /** Runs pitfall with the given surroundings and returns the exit code, without exiting. */
    public static int run(Console console, String... args) {
        CommandLine commandLine = new CommandLine(new Main(), new ConsoleFactory(console));
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
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(console));
            }
            if (type == DebugCommand.AstCommand.class) {
                return type.cast(new DebugCommand.AstCommand(console));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
