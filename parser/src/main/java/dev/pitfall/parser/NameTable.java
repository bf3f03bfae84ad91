package dev.pitfall.parser;

/**
 * The identifiers of one source file, each spelling kept once: a name is looked up by its
 * characters in the source text, so the many repeats of a name ({@code self}, {@code np}...) cost
 * no copy, and the AST holds one shared string per spelling.
 */
final class NameTable {
    private final String text;
    private String[] slots = new String[512];
    private int size;

    /** {@code text} is the source the indexes refer to, as UTF-16 char indexes. */
    NameTable(String text) {
        this.text = text;
    }

    /** The string of {@code text} from {@code start} to {@code stop}, both inclusive. */
    String name(int start, int stop) {
        int length = stop - start + 1;
        int hash = 0;
        for (int i = start; i <= stop; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (String known = slots[slot]; known != null; known = slots[slot]) {
            // String.hashCode() is the same polynomial, computed once per string and cached.
            if (known.hashCode() == hash && known.length() == length && text.regionMatches(start, known, 0, length)) {
                return known;
            }
            slot = (slot + 1) & mask;
        }
        String name = text.substring(start, stop + 1);
        slots[slot] = name;
        if (++size * 2 > slots.length) {
            grow();
        }
        return name;
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String name : old) {
            if (name != null) {
                int slot = spread(name.hashCode()) & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = name;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
