package dev.pitfall.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the library-fact tables shipped in the rules jar (value kinds, preprocessors, sklearn
 * random_state): UTF-8 lines, blank lines and lines starting with {@code #} skipped. A missing or
 * malformed table is a build defect, so it fails loudly when the table's class is loaded.
 */
public final class DataTable {
    /** Receives one content line and its 1-based line number (for the table's error messages). */
    @FunctionalInterface
    public interface LineHandler {
        void accept(String line, int number);
    }

    private DataTable() {
    }

    /**
     * The fields of a content line separated by runs of spaces and tabs, like
     * {@code line.strip().split("\\s+")} but without compiling a regular expression per line,
     * which cost a cold run (the tables load on every run) several milliseconds.
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int length = line.length();
        int i = 0;
        while (i < length) {
            while (i < length && isFieldSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isFieldSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(line.substring(start, i));
            }
        }
        return fields;
    }

    private static boolean isFieldSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Passes each content line of resource {@code name}, found next to {@code owner}, to {@code handler}. */
    public static void read(Class<?> owner, String name, LineHandler handler) {
        String text;
        // The whole table at once and split here: a BufferedReader decodes through a stream
        // decoder, code that every run executed interpreted for a few milliseconds.
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the rules jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            number++;
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                handler.accept(line, number);
            }
            start = end + 1;
        }
    }
}
