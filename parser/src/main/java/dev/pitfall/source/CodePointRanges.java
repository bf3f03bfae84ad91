package dev.pitfall.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of code points given as sorted, disjoint, inclusive ranges, for the tables that
 * parser/tools/generate_unicode_tables.py makes from CPython 3.13's Unicode data (Java's own
 * character data is a different Unicode version).
 */
public final class CodePointRanges {
    // [start0, end0, start1, end1, ...]
    private final int[] bounds;

    /** {@code bounds} is {@code [start0, end0, start1, end1, ...]}, sorted, both ends inclusive. */
    public CodePointRanges(int[] bounds) {
        this.bounds = bounds;
    }

    /**
     * The table in the resource {@code name}, looked up relative to {@code owner}'s package: one
     * range per line as two hex numbers, lines starting with '#' ignored.
     */
    public static CodePointRanges load(Class<?> owner, String name) {
        List<Integer> bounds = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] range = line.trim().split(" ");
                bounds.add(Integer.parseInt(range[0], 16));
                bounds.add(Integer.parseInt(range[1], 16));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
        return new CodePointRanges(bounds.stream().mapToInt(Integer::intValue).toArray());
    }

    public boolean contains(int codePoint) {
        int index = Arrays.binarySearch(bounds, codePoint);
        if (index >= 0) {
            return true;
        }
        // An odd insertion point lies between a range's start and its end.
        return (-index - 1) % 2 == 1;
    }
}
