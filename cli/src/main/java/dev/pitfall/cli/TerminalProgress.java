package dev.pitfall.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "files done of total" on one self-overwriting stderr line: after the first file, then at most ten
 * times a second, and
 * erased at the end. Only used when stderr is a terminal; pipes and CI logs get nothing.
 */
final class TerminalProgress implements LintPipeline.Progress, AutoCloseable {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastShown = System.nanoTime() - INTERVAL_NANOS;
    private boolean shown;

    TerminalProgress(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void fileDone() {
        int finished = done.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastShown >= INTERVAL_NANOS) {
            synchronized (this) {
                lastShown = now;
                shown = true;
                err.print("\rpitfall: " + finished + " of " + total + " files");
                err.flush();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
