package dev.pitfall.cli;

import dev.pitfall.cli.cache.ResultCache;
import dev.pitfall.config.Settings;
import dev.pitfall.lint.Diagnostic;
import dev.pitfall.lint.Finding;
import dev.pitfall.lint.LintResult;
import dev.pitfall.lint.Linter;
import dev.pitfall.lint.Severity;
import dev.pitfall.lint.Suppressions;
import dev.pitfall.report.FileReport;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lints files on a fixed pool of threads and returns their reports in the order of the input
 * (sorted by path), whatever order the threads finish in. Every file is isolated: whatever goes
 * wrong with one becomes a diagnostic for that file and the others carry on. With a result cache,
 * unchanged files are served from it without being parsed.
 */
public final class LintPipeline {
    /** Deep but legal nesting recurses deeply in the parser; worker threads get room for it. */
    private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;
    /**
     * Source bytes analysed on the calling thread before the pool starts: enough for the parser's
     * shared DFA cache to hold the common decisions (it fills under a lock, so threads starting
     * cold contend) and for the JIT to have compiled the hot paths once.
     */
    static final long WARM_UP_BYTES = 64 * 1024;

    private final Settings settings;
    private final int threads;
    private final ThreadLocal<Linter> linters;
    private final ResultCache cache;
    private final RunTimings timings;
    /** Whether the reports get fingerprints: the output shows them, or the cache keeps them for later runs. */
    private final boolean fingerprinted;

    public LintPipeline(Settings settings, int threads) {
        this(settings, threads, null, new RunTimings(), true);
    }

    /**
     * With a result cache (null for none), where to count the time of each stage and whether the
     * output shows fingerprints.
     */
    LintPipeline(Settings settings, int threads, ResultCache cache, RunTimings timings, boolean showsFingerprints) {
        this(settings, threads, () -> new Linter(settings.enabledCodes()), cache, timings, showsFingerprints);
    }

    /** With the linter each worker thread should use (tests give one that fails on purpose). */
    LintPipeline(Settings settings, int threads, Supplier<Linter> linterFactory) {
        this(settings, threads, linterFactory, null, new RunTimings(), true);
    }

    private LintPipeline(Settings settings, int threads, Supplier<Linter> linterFactory, ResultCache cache,
            RunTimings timings, boolean showsFingerprints) {
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.linters = ThreadLocal.withInitial(linterFactory);
        this.cache = cache;
        this.timings = timings;
        // A cached report may be shown later in any format.
        this.fingerprinted = showsFingerprints || cache != null;
    }

    /** Reports for the targets, in the targets' order; {@code progress} sees each file finish. */
    public List<FileReport> run(List<FileDiscovery.Target> targets, Progress progress) {
        if (targets.isEmpty()) {
            return List.of();
        }
        if (threads == 1 || targets.size() == 1) {
            List<FileReport> reports = new ArrayList<>(targets.size());
            for (FileDiscovery.Target target : targets) {
                reports.add(lintFile(target));
                progress.fileDone();
            }
            return reports;
        }
        // The first files are linted alone: they warm up the parser's shared DFA cache and the JIT,
        // so that the workers do not all build the same cache entries at once. Files served from
        // the result cache warm nothing up and do not count.
        List<FileReport> reports = new ArrayList<>(targets.size());
        int next = 0;
        while (next < targets.size() && timings.analysedBytes() < WARM_UP_BYTES) {
            reports.add(lintFile(targets.get(next++)));
            progress.fileDone();
        }
        List<FileDiscovery.Target> rest = targets.subList(next, targets.size());
        if (rest.isEmpty()) {
            return reports;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rest.size()), workerThreads());
        try {
            List<Future<FileReport>> futures = new ArrayList<>(rest.size());
            for (FileDiscovery.Target target : rest) {
                futures.add(pool.submit(() -> {
                    try {
                        return lintFile(target);
                    } finally {
                        progress.fileDone();
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                reports.add(await(futures.get(i), rest.get(i)));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileReport await(Future<FileReport> future, FileDiscovery.Target target) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        } catch (ExecutionException e) {
            return internalError(target.displayPath(), target.path(), e.getCause());
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, "pitfall-worker-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Reads, decodes and lints one file on disk, or takes its report from the result cache. */
    public FileReport lintFile(FileDiscovery.Target target) {
        if (cache == null) {
            return readAndLint(target);
        }
        long start = System.nanoTime();
        ResultCache.Lookup lookup = cache.lookup(target.path(), target.displayPath());
        if (lookup.cached() != null) {
            timings.add(RunTimings.Stage.READ, System.nanoTime() - start);
            return lookup.cached();
        }
        if (lookup.content() == null) {
            timings.add(RunTimings.Stage.READ, System.nanoTime() - start);
            return readAndLint(target);
        }
        FileReport report;
        try {
            SourceFile source = SourceReader.decode(lookup.content(), target.displayPath(), isNotebookName(target.path()));
            timings.add(RunTimings.Stage.READ, System.nanoTime() - start);
            report = lintSource(source, target.path(), lookup.content().length);
        } catch (SourceException e) {
            timings.add(RunTimings.Stage.READ, System.nanoTime() - start);
            report = FileReport.failed(target.displayPath(), isNotebook(target.path()),
                    List.of(new Diagnostic(target.displayPath(), Diagnostic.Kind.UNREADABLE, null, e.getMessage())));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internalError(target.displayPath(), target.path(), e);
        }
        cache.store(lookup, report);
        return report;
    }

    private FileReport readAndLint(FileDiscovery.Target target) {
        long start = System.nanoTime();
        SourceFile source;
        try {
            source = SourceReader.read(target.path(), target.displayPath());
        } catch (SourceException e) {
            return FileReport.failed(target.displayPath(), isNotebook(target.path()),
                    List.of(new Diagnostic(target.displayPath(), Diagnostic.Kind.UNREADABLE, null, e.getMessage())));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internalError(target.displayPath(), target.path(), e);
        } finally {
            timings.add(RunTimings.Stage.READ, System.nanoTime() - start);
        }
        return lintSource(source, target.path(), source.text().length());
    }

    /** Decodes and lints bytes (standard input) as if they were the file {@code displayPath}. */
    public FileReport lintBytes(byte[] bytes, String displayPath, Path pretendPath) {
        SourceFile source;
        try {
            source = SourceReader.decode(bytes, displayPath, isNotebook(pretendPath));
        } catch (SourceException e) {
            return FileReport.failed(displayPath, isNotebook(pretendPath),
                    List.of(new Diagnostic(displayPath, Diagnostic.Kind.UNREADABLE, null, e.getMessage())));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internalError(displayPath, pretendPath, e);
        }
        return lintSource(source, pretendPath, bytes.length);
    }

    private FileReport lintSource(SourceFile source, Path absolute, long size) {
        timings.fileAnalysed(size);
        try {
            LintResult result = linters.get().lint(source, timings);
            long start = System.nanoTime();
            Suppressions suppressions = Suppressions.scan(source);
            List<Finding> kept = new ArrayList<>();
            for (Finding finding : result.findings()) {
                if (!settings.enabledCodes().contains(finding.code())
                        || settings.isIgnoredFor(absolute, finding.code())
                        || suppressions.suppresses(finding)) {
                    continue;
                }
                Severity severity = settings.configuredSeverity(finding.code()).orElse(finding.severity());
                kept.add(severity == finding.severity() ? finding : new Finding(finding.path(), finding.code(),
                        finding.name(), severity, finding.message(), finding.range(), finding.related()));
            }
            FileReport report = FileReport.of(source.path(), source, kept, result.diagnostics(), fingerprinted);
            timings.add(RunTimings.Stage.REPORT, System.nanoTime() - start);
            return report;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internalError(source.path(), absolute, e);
        }
    }

    private static FileReport internalError(String displayPath, Path path, Throwable error) {
        String message = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        StackTraceElement[] trace = error.getStackTrace();
        if (trace.length > 0) {
            message += " at " + trace[0];
        }
        return FileReport.failed(displayPath, isNotebook(path),
                List.of(new Diagnostic(displayPath, Diagnostic.Kind.INTERNAL_ERROR, null, message)));
    }

    /** As SourceReader decides whether to read a file as a notebook. */
    private static boolean isNotebookName(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    private static boolean isNotebook(Path path) {
        return path != null && path.getFileName() != null && path.getFileName().toString().endsWith(".ipynb");
    }

    /** Told when a file is done, from any worker thread. */
    public interface Progress {
        void fileDone();
    }
}
