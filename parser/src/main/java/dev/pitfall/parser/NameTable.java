package dev.pitfall.parser;

/**
 * The identifiers of one source file, each spelling kept once: a name is looked up by its
 * characters in the source, so the many repeats of a name ({@code self}, {@code np}...) cost no
 * copy, and the AST holds one shared string per spelling. Only for ASCII sources, whose code-point
 * indexes are char indexes.
 */
final class NameTable {
    private final String text;
    /**
     * The source's code points, which the hashing and comparing read: array reads, where
     * String.charAt is a call with its own checks in C1 code (the launcher runs C1 only).
     */
    private final int[] codePoints;
    private String[] slots = new String[512];
    /** Where each slot's name first occurred in the source: comparisons read the source twice. */
    private int[] starts = new int[512];
    private int size;

    NameTable(String text, int[] codePoints) {
        this.text = text;
        this.codePoints = codePoints;
    }

    /** The string of the source from {@code start} to {@code stop}, both inclusive. */
    String name(int start, int stop) {
        int[] points = codePoints;
        int length = stop - start + 1;
        int hash = 0;
        for (int i = start; i <= stop; i++) {
            hash = 31 * hash + points[i];
        }
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (String known = slots[slot]; known != null; known = slots[slot]) {
            // String.hashCode() is the same polynomial, computed once per string and cached.
            if (known.hashCode() == hash && known.length() == length && sameCodePoints(starts[slot], start, length)) {
                return known;
            }
            slot = (slot + 1) & mask;
        }
        String name = text.substring(start, stop + 1);
        slots[slot] = name;
        starts[slot] = start;
        if (++size * 2 > slots.length) {
            grow();
        }
        return name;
    }

    private boolean sameCodePoints(int first, int second, int length) {
        int[] points = codePoints;
        for (int i = 0; i < length; i++) {
            if (points[first + i] != points[second + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldSlots = slots;
        int[] oldStarts = starts;
        slots = new String[oldSlots.length * 2];
        starts = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            String name = oldSlots[i];
            if (name != null) {
                int slot = spread(name.hashCode()) & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = name;
                starts[slot] = oldStarts[i];
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
