package dev.pitfall.cli;

import dev.pitfall.lint.Linter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the time of a run went, for {@code --verbose}: wall time of the phases seen from the main
 * thread, and the time of each per-file stage summed over all worker threads (so on several cores
 * the stages add up to more than the wall time).
 */
final class RunTimings implements Linter.StageTimings {
    enum Stage {
        DISCOVERY("discovery"), CACHE_LOAD("cache load"), READ("read"), PARSE("parse"),
        SEMANTIC_MODEL("semantic model"), RULES("rules"), REPORT("report records"), CACHE_SAVE("cache save"),
        OUTPUT("output");

        private final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    // AtomicLong, not LongAdder: a LongAdder updates through VarHandles, which a short run executes
    // interpreted at a high price; a few updates per file hardly contend.
    private final Map<Stage, AtomicLong> nanos = new EnumMap<>(Stage.class);
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong analysedBytes = new AtomicLong();

    RunTimings() {
        for (Stage stage : Stage.values()) {
            nanos.put(stage, new AtomicLong());
        }
    }

    @Override
    public void record(Linter.Stage stage, long elapsed) {
        add(switch (stage) {
            case PARSE -> Stage.PARSE;
            case SEMANTIC_MODEL -> Stage.SEMANTIC_MODEL;
            case RULES -> Stage.RULES;
        }, elapsed);
    }

    void add(Stage stage, long elapsed) {
        nanos.get(stage).addAndGet(elapsed);
    }

    /** Counts a file of this size that is linted (not served from the cache). */
    void fileAnalysed(long size) {
        analysed.incrementAndGet();
        analysedBytes.addAndGet(size);
    }

    long analysedBytes() {
        return analysedBytes.get();
    }

    /**
     * The lines {@code --verbose} prints: throughput over the wall time from the start of
     * discovery to the end of output, then each stage.
     */
    String summary(int files, int threads, long wallNanos, String cacheState) {
        StringBuilder text = new StringBuilder();
        double seconds = wallNanos / 1e9;
        text.append(String.format(Locale.ROOT, "pitfall: %d file%s in %.3f s (%.0f files/s) on %d thread%s; %d analysed; cache: %s%n",
                files, files == 1 ? "" : "s", seconds, seconds > 0 ? files / seconds : 0.0, threads, threads == 1 ? "" : "s",
                analysed.get(), cacheState));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> text.append(String.format(Locale.ROOT,
                "pitfall: process CPU time %.3f s (JVM start-up, JIT and GC included)%n", cpu.toNanos() / 1e9)));
        text.append("pitfall: wall time per stage (per-file stages summed over threads):");
        for (Stage stage : Stage.values()) {
            text.append(String.format(Locale.ROOT, " %s %.3f s;", stage.label, nanos.get(stage).get() / 1e9));
        }
        text.setLength(text.length() - 1);
        return text.append(System.lineSeparator()).toString();
    }
}
