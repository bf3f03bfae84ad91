package dev.pitfall.cli;

import dev.pitfall.cli.cache.BuildIdentity;
import dev.pitfall.cli.cache.ResultCache;
import dev.pitfall.config.ConfigException;
import dev.pitfall.config.ConfigLoader;
import dev.pitfall.config.PitfallConfig;
import dev.pitfall.config.Settings;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.RuleDescriptor;
import dev.pitfall.report.FileReport;
import dev.pitfall.report.GithubReporter;
import dev.pitfall.report.JsonReporter;
import dev.pitfall.report.Reporter;
import dev.pitfall.report.RunReport;
import dev.pitfall.report.SarifReporter;
import dev.pitfall.report.TextReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pitfall check}. Its command-line model is built through picocli's programmatic API
 * ({@link #spec}) rather than annotations: reading annotations makes the JVM generate a proxy class
 * per annotation type at run time, which was about half of picocli's cost in a one-file run.
 */
final class CheckCommand implements Callable<Integer> {
    private static final String STDIN = "-";

    enum Format { text, sarif, json, github }

    enum ColourMode { auto, always, never }

    List<String> paths = new ArrayList<>();
    Format format = Format.text;
    Path output;
    Path config;
    List<String> select;
    List<String> extendSelect = new ArrayList<>();
    List<String> ignore = new ArrayList<>();
    Map<String, String> severity = new LinkedHashMap<>();
    List<String> exclude;
    List<String> extendExclude = new ArrayList<>();
    boolean forceExclude;
    String stdinFilename;
    boolean exitZero;
    boolean statistics;
    Integer threads;
    boolean noCache;
    Path cacheDirectory;
    boolean verbose;
    ColourMode colour = ColourMode.auto;

    /** The parsed command line, read into the fields above when the command runs. */
    private CommandSpec spec;
    private final Console console;
    /** The configuration file in use, if any: the default home of the cache and part of its key. */
    private Path configFile;

    CheckCommand(Console console) {
        this.console = console;
    }

    /** The {@code check} command's model, bound to {@code command}; its usage lists the options in this order. */
    static CommandSpec spec(CheckCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("check");
        spec.usageMessage().sortOptions(false).description(
                "Lint Python files, notebooks and directories (default: the current directory).",
                "Exit code: 0 no problems, 1 problems found, 2 usage, configuration or internal error.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").index("0..*").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("Files or directories to check; '-' reads standard input.").build());
        spec.addOption(option(Format.class, "FORMAT",
                "Output format: ${COMPLETION-CANDIDATES} (default: text).", "--format"));
        spec.addOption(option(Path.class, "FILE",
                "Write the report to FILE (atomically) instead of standard output.", "-o", "--output"));
        spec.addOption(option(Path.class, "FILE",
                "Read [tool.pitfall] from FILE instead of the nearest pyproject.toml.", "--config"));
        spec.addOption(listOption("RULE",
                "Only these rules (codes, names, code prefixes or ALL); replaces the configured selection.", "--select"));
        spec.addOption(listOption("RULE", "Enable these rules in addition.", "--extend-select"));
        spec.addOption(listOption("RULE", "Disable these rules.", "--ignore"));
        spec.addOption(OptionSpec.builder("--severity").paramLabel("RULE=LEVEL").type(Map.class)
                .auxiliaryTypes(String.class, String.class)
                .description("Report RULE at LEVEL (error, warning or note).").build());
        spec.addOption(listOption("GLOB",
                "Exclude these paths (gitignore syntax); replaces the default and configured list.", "--exclude"));
        spec.addOption(listOption("GLOB", "Exclude these paths in addition.", "--extend-exclude"));
        spec.addOption(flag("Apply excludes and .gitignore files to files named on the command line too (for pre-commit).",
                "--force-exclude"));
        spec.addOption(option(String.class, "NAME", "Lint standard input as if it were the file NAME.",
                "--stdin-filename"));
        spec.addOption(flag("Exit with 0 even when problems were found.", "--exit-zero"));
        spec.addOption(flag("Show the number of problems per rule instead of each problem.", "--statistics"));
        spec.addOption(option(Integer.class, "N", "Lint on N threads (default: one per core).", "--threads"));
        spec.addOption(flag("Analyse every file; neither read nor write the result cache.", "--no-cache"));
        spec.addOption(option(Path.class, "DIR", "Keep the result cache in DIR (default: $PITFALL_CACHE_DIR, "
                + "else .pitfall_cache next to the configuration file, else in the working directory).", "--cache-dir"));
        spec.addOption(flag("Report on standard error the files per second, the time per stage and the cache hits.",
                "-v", "--verbose"));
        spec.addOption(option(ColourMode.class, "WHEN", "Colour the text output: ${COMPLETION-CANDIDATES} "
                + "(default: auto, i.e. on a terminal unless NO_COLOR is set).", "--color"));
        Main.addStandardHelpOptions(spec);
        command.spec = spec;
        return spec;
    }

    private static OptionSpec option(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description).build();
    }

    private static OptionSpec listOption(String label, String description, String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .paramLabel(label).description(description).build();
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /**
     * Copies what the command line gave into the fields; an option not given keeps the field's
     * default. One pass over the options: looking each one up by name costs picocli a search
     * through all of them, nineteen times, in code that runs once and so is never compiled.
     */
    @SuppressWarnings("unchecked")
    private void readCommandLine() {
        paths = orElse(spec.positionalParameters().get(0).getValue(), paths);
        for (OptionSpec option : spec.options()) {
            Object value = option.getValue();
            if (value == null) {
                continue;
            }
            switch (option.longestName()) {
                case "--format" -> format = (Format) value;
                case "--output" -> output = (Path) value;
                case "--config" -> config = (Path) value;
                case "--select" -> select = (List<String>) value;
                case "--extend-select" -> extendSelect = (List<String>) value;
                case "--ignore" -> ignore = (List<String>) value;
                case "--severity" -> severity = (Map<String, String>) value;
                case "--exclude" -> exclude = (List<String>) value;
                case "--extend-exclude" -> extendExclude = (List<String>) value;
                case "--force-exclude" -> forceExclude = (Boolean) value;
                case "--stdin-filename" -> stdinFilename = (String) value;
                case "--exit-zero" -> exitZero = (Boolean) value;
                case "--statistics" -> statistics = (Boolean) value;
                case "--threads" -> threads = (Integer) value;
                case "--no-cache" -> noCache = (Boolean) value;
                case "--cache-dir" -> cacheDirectory = (Path) value;
                case "--verbose" -> verbose = (Boolean) value;
                case "--color" -> colour = (ColourMode) value;
                default -> {
                    // --help and --version: picocli handles them before the command runs.
                }
            }
        }
    }

    private static <T> T orElse(Object value, T fallback) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed != null ? typed : fallback;
    }

    @Override
    public Integer call() throws IOException {
        readCommandLine();
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1");
        }
        boolean readStdin = paths.contains(STDIN) || (paths.isEmpty() && stdinFilename != null);
        if (readStdin && paths.size() > 1) {
            throw new UserError("'-' (standard input) cannot be combined with other paths");
        }
        long started = System.nanoTime();
        Path cwd = console.workingDirectory();
        Settings settings = settings(readStdin, cwd);
        FileDiscovery discovery = new FileDiscovery(cwd, settings, forceExclude);
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        RunTimings timings = new RunTimings();
        long phase = System.nanoTime();
        ResultCache cache = readStdin || noCache ? null : openCache(cwd, settings);
        timings.add(RunTimings.Stage.CACHE_LOAD, System.nanoTime() - phase);
        Reporter reporter = reporter();
        LintPipeline pipeline = new LintPipeline(settings, threadCount, cache, timings, reporter.showsFingerprints());

        List<FileReport> files;
        if (readStdin) {
            Path pretend = cwd.resolve(stdinFilename != null ? stdinFilename : "stdin.py").normalize();
            String display = stdinFilename != null ? discovery.displayPath(pretend) : STDIN;
            files = List.of(pipeline.lintBytes(console.in().readAllBytes(), display, pretend));
        } else {
            phase = System.nanoTime();
            List<FileDiscovery.Target> targets = discovery.discover(paths.isEmpty() ? List.of(".") : paths);
            timings.add(RunTimings.Stage.DISCOVERY, System.nanoTime() - phase);
            if (console.stderrIsTerminal() && targets.size() > 1) {
                try (TerminalProgress progress = new TerminalProgress(console.err(), targets.size())) {
                    files = pipeline.run(targets, progress);
                }
            } else {
                files = pipeline.run(targets, () -> { });
            }
        }

        if (cache != null) {
            phase = System.nanoTime();
            cache.save();
            timings.add(RunTimings.Stage.CACHE_SAVE, System.nanoTime() - phase);
        }
        phase = System.nanoTime();
        RunReport report = new RunReport(enabledRules(settings), files, files.size(), cwd);
        writeReport(report, reporter);
        if (format != Format.text) {
            // Machine formats keep their own channel clean; people still see what went wrong.
            report.diagnostics().forEach(d -> console.err().println("error: " + TextReporter.describe(d)));
            if (statistics) {
                new TextReporter(false, true).write(report, console.err());
            }
        }
        timings.add(RunTimings.Stage.OUTPUT, System.nanoTime() - phase);
        if (verbose) {
            String cacheState = cache == null ? "off"
                    : cache.hits() + " hits, " + cache.misses() + " misses in " + cache.directory();
            console.err().print(timings.summary(files.size(), threadCount, System.nanoTime() - started, cacheState));
            console.err().flush();
        }
        return exitCode(report, exitZero);
    }

    /** The result cache for this run, or null when this build cannot be told apart from others. */
    private ResultCache openCache(Path cwd, Settings settings) {
        Optional<String> build = BuildIdentity.current();
        if (build.isEmpty()) {
            return null;
        }
        Path directory;
        String fromEnvironment = console.env().get("PITFALL_CACHE_DIR");
        if (cacheDirectory != null) {
            directory = cwd.resolve(cacheDirectory);
        } else if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            directory = cwd.resolve(fromEnvironment);
        } else {
            Path home = configFile != null ? configFile.toAbsolutePath().getParent() : cwd;
            directory = home.resolve(ResultCache.DIRECTORY_NAME);
        }
        return ResultCache.open(directory.normalize(), ResultCache.runKey(build.get(), settings, configFile),
                message -> console.err().println("pitfall: warning: " + message));
    }

    static int exitCode(RunReport report, boolean exitZero) {
        if (exitZero) {
            return Main.EXIT_CLEAN;
        }
        if (report.hasInternalErrors()) {
            return Main.EXIT_ERROR;
        }
        return report.findingCount() > 0 || !report.diagnostics().isEmpty() ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    }

    private Settings settings(boolean readStdin, Path cwd) {
        try {
            PitfallConfig file;
            if (config != null) {
                file = ConfigLoader.load(cwd.resolve(config));
            } else {
                String first = readStdin ? (stdinFilename != null ? stdinFilename : ".")
                        : paths.isEmpty() ? "." : paths.get(0);
                file = ConfigLoader.discover(cwd.resolve(first)).orElse(PitfallConfig.empty(cwd));
            }
            configFile = file.file();
            return Settings.resolve(file, new Settings.Overrides(select, extendSelect, ignore, exclude,
                    extendExclude, severity));
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static List<RuleDescriptor> enabledRules(Settings settings) {
        List<RuleDescriptor> rules = new ArrayList<>();
        for (RuleDescriptor rule : Linter.allRules()) {
            if (settings.enabledCodes().contains(rule.code())) {
                rules.add(new RuleDescriptor(rule.code(), rule.name(), rule.summary(), rule.explanation(),
                        settings.severity(rule.code()), rule.tags(), rule.precision()));
            }
        }
        return rules;
    }

    private Reporter reporter() {
        return switch (format) {
            case text -> new TextReporter(useColour(), statistics);
            case sarif -> new SarifReporter();
            case json -> new JsonReporter();
            case github -> new GithubReporter();
        };
    }

    private boolean useColour() {
        return switch (colour) {
            case always -> true;
            case never -> false;
            case auto -> output == null && console.stdoutIsTerminal() && !console.noColorRequested();
        };
    }

    /**
     * To a file: written beside it under a temporary name and renamed over it, so that an
     * interrupted run never leaves a truncated report for the next step of a pipeline to choke on.
     */
    private void writeReport(RunReport report, Reporter reporter) throws IOException {
        if (output == null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            reporter.write(report, buffer);
            console.out().write(buffer.toByteArray());
            console.out().flush();
            return;
        }
        Path target = console.workingDirectory().resolve(output).toAbsolutePath().normalize();
        // Created like any new file (not with createTempFile's owner-only permissions), so the
        // report ends up with the permissions the user's umask gives.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        // Ctrl-C while writing must not leave the temporary file behind either.
        temporary.toFile().deleteOnExit();
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                reporter.write(report, out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + output + ": " + reason(e));
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Removes a leftover temporary file; if even that fails there is nothing better to do. */
    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The directory itself is unusable; the error that matters is the one being reported.
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way (not a directory)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
