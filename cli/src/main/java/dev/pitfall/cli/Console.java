package dev.pitfall.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's surroundings as pitfall sees them: standard streams, whether they are terminals,
 * the environment and the working directory. Tests run Main in-process with their own.
 */
public record Console(InputStream in, PrintStream out, PrintStream err, boolean stdoutIsTerminal,
        boolean stderrIsTerminal, Map<String, String> env, Path workingDirectory) {

    public static Console system() {
        return new Console(System.in, System.out, System.err, isTerminal(1), isTerminal(2), System.getenv(),
                Path.of("").toAbsolutePath());
    }

    /**
     * Whether a file descriptor is a terminal. Java has no isatty; on Linux the descriptor's link
     * names a tty or pty device. Elsewhere System.console() (stdin and stdout both terminals) is
     * the best approximation.
     */
    private static boolean isTerminal(int descriptor) {
        Path link = Path.of("/proc/self/fd/" + descriptor);
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /** NO_COLOR (https://no-color.org): present and not empty disables colour. */
    public boolean noColorRequested() {
        String value = env.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
