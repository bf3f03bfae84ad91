package dev.pitfall.ast;

import java.util.Arrays;

/**
 * Values of {@link Constant#value()} and {@link MatchSingleton#value()} that Java has no natural
 * type for. The other values are: {@link Boolean} for True/False, {@link java.math.BigInteger} for
 * int, {@link Double} for float and {@link String} for str.
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
