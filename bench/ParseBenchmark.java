import dev.pitfall.parser.ParseResult;
import dev.pitfall.parser.SourceParser;
import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceFile;
import dev.pitfall.source.SourceReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the parser (source text to typed AST) on a directory of Python files, for issue 2's
 * speed bars. Run from the repository root after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>java -cp cli/target/pitfall.jar bench/ParseBenchmark.java DIR [--warmup N] [--passes N]</pre>
 *
 * All .py files under DIR (directories named site-packages or __pycache__ skipped) are read and
 * decoded first, so that only parsing is timed. Then, single-threaded: the cold first pass in
 * this fresh JVM (class loading, interpretation, JIT compilation and ANTLR's empty DFA cache
 * included), N warm-up passes, and N measured passes whose median is the warm figure. Finally
 * the heap retained after a full GC, less the heap holding the decoded sources before the first
 * parse, approximates the parser's retained state (mostly ANTLR's shared DFA cache).
 */
public final class ParseBenchmark {
    private static final int DEFAULT_WARMUP_PASSES = 5;
    private static final int DEFAULT_MEASURED_PASSES = 5;

    /** Keeps the JIT from discarding parses whose result nobody reads. */
    private static long sink;

    /**
     * CPU time of the parsing thread, beside wall time: on a shared machine the wall time includes
     * waiting for a core, the thread's CPU time does not (JIT and GC threads are not in it).
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: java -cp cli/target/pitfall.jar bench/ParseBenchmark.java DIR"
                    + " [--warmup N] [--passes N]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int warmupPasses = DEFAULT_WARMUP_PASSES;
        int measuredPasses = DEFAULT_MEASURED_PASSES;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--warmup" -> warmupPasses = Integer.parseInt(args[i + 1]);
                case "--passes" -> measuredPasses = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }

        List<Path> paths = pythonFiles(root);
        List<SourceFile> sources = new ArrayList<>(paths.size());
        long lines = 0;
        int undecodable = 0;
        long readStarted = System.nanoTime();
        for (Path path : paths) {
            try {
                SourceFile source = SourceReader.read(path, root.relativize(path).toString());
                sources.add(source);
                lines += source.lineCount();
            } catch (SourceException error) {
                undecodable++;
            }
        }
        double readSeconds = seconds(System.nanoTime() - readStarted);
        System.out.printf("corpus: %s: %,d files (%d not decodable, skipped), %,d lines, read and decoded in %.2f s%n",
                root, sources.size(), undecodable, lines, readSeconds);
        System.out.printf("jvm: %s %s, max heap %,d MB%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

        long heapWithSources = heapAfterFullGc();

        long coldStarted = System.nanoTime();
        long coldCpuStarted = THREADS.getCurrentThreadCpuTime();
        int[] outcome = parseAll(sources);
        double cold = seconds(System.nanoTime() - coldStarted);
        double coldCpu = seconds(THREADS.getCurrentThreadCpuTime() - coldCpuStarted);
        double jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("cold first pass: %.2f s wall (%,.0f lines/s), %.2f s CPU (%,.0f lines/CPU-s);"
                + " %,d parsed, %,d syntax errors; JVM up %.2f s%n",
                cold, lines / cold, coldCpu, lines / coldCpu, outcome[0], outcome[1], jvmUptime);

        for (int pass = 1; pass <= warmupPasses; pass++) {
            long started = System.nanoTime();
            parseAll(sources);
            double elapsed = seconds(System.nanoTime() - started);
            System.out.printf("warm-up pass %d: %.2f s, %,.0f lines/s%n", pass, elapsed, lines / elapsed);
        }
        double[] rates = new double[measuredPasses];
        double[] cpuRates = new double[measuredPasses];
        for (int pass = 0; pass < measuredPasses; pass++) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            parseAll(sources);
            double elapsed = seconds(System.nanoTime() - started);
            double cpu = seconds(THREADS.getCurrentThreadCpuTime() - cpuStarted);
            rates[pass] = lines / elapsed;
            cpuRates[pass] = lines / cpu;
            System.out.printf("measured pass %d: %.2f s wall (%,.0f lines/s), %.2f s CPU (%,.0f lines/CPU-s)%n",
                    pass + 1, elapsed, rates[pass], cpu, cpuRates[pass]);
        }
        double warm = median(rates);
        double warmCpu = median(cpuRates);

        long retained = heapAfterFullGc() - heapWithSources;
        System.out.printf("warm: %,.0f lines/s wall, %,.0f lines/CPU-s (medians of %d passes after %d warm-up"
                + " passes, one thread)%n", warm, warmCpu, measuredPasses, warmupPasses);
        System.out.printf("retained after parsing (heap after full GC minus heap with sources loaded): %,d MB%n",
                retained >> 20);
        System.out.printf("summary: cold %.2f s (%,.0f lines/s; %,.0f lines/CPU-s), warm %,.0f lines/s"
                + " (%,.0f lines/CPU-s), retained %d MB, %,d lines%n",
                cold, lines / cold, lines / coldCpu, warm, warmCpu, retained >> 20, lines);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Parses every source once; returns {successes, syntax errors}. */
    private static int[] parseAll(List<SourceFile> sources) {
        int parsed = 0;
        int failed = 0;
        for (SourceFile source : sources) {
            ParseResult result = SourceParser.parse(source);
            if (result instanceof ParseResult.Success success) {
                parsed++;
                sink += success.module().body().size();
            } else {
                failed++;
            }
        }
        return new int[] {parsed, failed};
    }

    private static List<Path> pythonFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".py") && Files.isRegularFile(path))
                    .filter(path -> {
                        for (Path part : root.relativize(path)) {
                            String name = part.toString();
                            if (name.equals("site-packages") || name.equals("__pycache__")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    private static long heapAfterFullGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
