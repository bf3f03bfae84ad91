package dev.pitfall.cli;

import dev.pitfall.ast.AstDump;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "debug", mixinStandardHelpOptions = true, description = "Tools for pitfall's developers.",
        subcommands = {DebugCommand.AstCommand.class})
final class DebugCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_ERROR;
    }

    @Command(name = "ast", mixinStandardHelpOptions = true,
            description = {"Print each file's AST as CPython 3.13 prints ast.dump(ast.parse(source), include_attributes=True),",
                    "after a line '== FILE'; or 'SyntaxError: LINE:COL: MESSAGE'.",
                    "Exit code: 0 when every file parsed, 1 otherwise."})
    static final class AstCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Python files or notebooks.")
        List<String> files;

        private final Console console;

        AstCommand(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int exitCode = Main.EXIT_CLEAN;
            for (String file : files) {
                out.print("== " + file + "\n");
                Path path = console.workingDirectory().resolve(file);
                SourceFile source;
                try {
                    source = SourceReader.read(path, file);
                } catch (SourceException e) {
                    out.print("error: " + file + ": " + e.getMessage() + "\n");
                    exitCode = Main.EXIT_FINDINGS;
                    continue;
                }
                ParseResult result = SourceParser.parse(source);
                if (result instanceof ParseResult.Success success) {
                    out.print(AstDump.dump(success.module()) + "\n");
                } else if (result instanceof ParseResult.Failure failure) {
                    out.print("SyntaxError: " + failure.error().line() + ":" + failure.error().column() + ": "
                            + failure.error().message() + "\n");
                    exitCode = Main.EXIT_FINDINGS;
                }
            }
            out.flush();
            return exitCode;
        }
    }
}
