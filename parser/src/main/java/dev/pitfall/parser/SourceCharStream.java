package dev.pitfall.parser;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input: the code points of one file, with the semantics of ANTLR's
 * {@code CodePointCharStream}. ANTLR picks one of three subclasses of that per file (8-, 16- or
 * 32-bit storage), and a run over files of all three kinds makes the lexer's calls of
 * {@code LA} and {@code consume} megamorphic: each then goes through an itable stub in C1 code
 * (the launcher runs C1 only), about 5% of the parse. One final class keeps those calls
 * monomorphic.
 */
final class SourceCharStream implements CharStream {
    private final String text;
    private final String name;
    private final int[] codePoints;
    // Without surrogate pairs a code-point index is a char index, and token text is a substring.
    private final boolean charIndexed;
    private final boolean ascii;
    private final int size;
    private int position;

    SourceCharStream(String text, String name) {
        this.text = text;
        this.name = name;
        int length = text.length();
        int[] points = new int[length];
        int count = 0;
        // Any non-ASCII character sets a bit at or above 0x80 here.
        char bitsSeen = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bitsSeen |= c;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                points[count++] = Character.toCodePoint(c, text.charAt(++i));
            } else {
                points[count++] = c;
            }
        }
        this.codePoints = points;
        this.charIndexed = count == length;
        this.size = count;
        this.ascii = bitsSeen < 0x80;
    }

    /** Whether every character is ASCII, found while copying the code points. */
    boolean isAscii() {
        return ascii;
    }

    /** The code points themselves, for the lexer's hand-written fast path; not to be modified. */
    int[] codePoints() {
        return codePoints;
    }

    @Override
    public int LA(int i) {
        if (i > 0) {
            int offset = position + i - 1;
            return offset < size ? codePoints[offset] : IntStream.EOF;
        }
        if (i < 0) {
            int offset = position + i;
            return offset >= 0 ? codePoints[offset] : IntStream.EOF;
        }
        return 0; // undefined, as in ANTLR's streams
    }

    @Override
    public void consume() {
        if (position >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public String getSourceName() {
        return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.min(interval.a, size);
        int length = Math.min(interval.b - interval.a + 1, size - start);
        if (charIndexed) {
            return text.substring(start, start + length);
        }
        return new String(codePoints, start, length);
    }

    @Override
    public String toString() {
        return getText(Interval.of(0, size - 1));
    }
}
