package dev.pitfall.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real jar (built by {@code package}) as users do, in a child JVM. */
final class PitfallProcess {
    static final Path ROOT = Path.of(System.getProperty("pitfall.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = Path.of(System.getProperty("pitfall.jar", "target/pitfall.jar")).toAbsolutePath();

    record Outcome(int exitCode, String out, String err) {
    }

    private PitfallProcess() {
    }

    /** The java command with the given JVM options, ready for pitfall's arguments. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs pitfall in {@code directory} and waits for it; a run longer than {@code limit} fails the test. */
    static Outcome run(Path directory, List<String> jvmOptions, Duration limit, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("pitfall-out", ".txt");
        Path err = Files.createTempFile("pitfall-err", ".txt");
        try {
            Process process = new ProcessBuilder(command(jvmOptions, args)).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            assertTrue(finished, "pitfall " + String.join(" ", args) + " finished within " + limit);
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** True when the output holds a Java stack trace or names a JVM error, which users must never see. */
    static boolean showsJavaInternals(String output) {
        return output.contains("\tat ") || output.contains("Exception in thread") || output.contains("OutOfMemoryError")
                || output.contains("StackOverflowError");
    }
}
