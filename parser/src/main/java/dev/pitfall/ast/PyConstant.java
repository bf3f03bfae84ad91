package dev.pitfall.ast;

import java.util.Arrays;

/**
 * Values of {@link Constant#value()} and {@link MatchSingleton#value()} that Java has no natural
 * type for. The other values are: {@link Boolean} for True/False, {@link java.math.BigInteger} for
 * int, {@link Double} for float and {@link String} for str (or, rarely, {@link SurrogateStr}).
 */
public final class PyConstant {
    private PyConstant() {
    }

    /** Python's None and Ellipsis. */
    public enum Singleton {
        NONE, ELLIPSIS
    }

    public static final Singleton NONE = Singleton.NONE;
    public static final Singleton ELLIPSIS = Singleton.ELLIPSIS;

    /** An imaginary literal such as {@code 2j}: Python source only has pure imaginary literals. */
    public record Complex(double imag) {
    }

    /**
     * A str that a Java String cannot carry exactly. Python strings are sequences of code points,
     * and escapes can make lone surrogates: {@code '\ud834\udd1e'} is two code points in Python,
     * while a String holding those two chars reads as the one character U+1D11E. Only a str in
     * which such escaped surrogates stand next to each other takes this form; every other str is
     * a {@link String}.
     */
    public record SurrogateStr(int[] codePoints) {
        /** The same characters as a String, for code that only wants the text. */
        public String text() {
            return new String(codePoints, 0, codePoints.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SurrogateStr s && Arrays.equals(codePoints, s.codePoints);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codePoints);
        }

        @Override
        public String toString() {
            return "SurrogateStr" + Arrays.toString(codePoints);
        }
    }

    /** A bytes literal. */
    public record Bytes(byte[] value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes" + Arrays.toString(value);
        }
    }
}
