package dev.pitfall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "debug", mixinStandardHelpOptions = true, description = "Tools for pitfall's developers.",
        subcommands = {})
final class DebugCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_ERROR;
    }
}
