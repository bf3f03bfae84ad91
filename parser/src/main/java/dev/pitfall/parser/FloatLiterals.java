package dev.pitfall.parser;

/**
 * The value of a decimal float literal (underscores removed), as {@link Double#parseDouble} gives
 * it. Most literals in code ({@code 0.2}, {@code 1e-3}, {@code 0.001}) have a few significant
 * digits and a small power of ten: then both are exact doubles and one multiplication or division
 * rounds the exact value correctly (Clinger's fast path), so the result is the same double without
 * {@code parseDouble}'s general algorithm, a large body of code that a short run would first execute
 * interpreted and then compile.
 */
final class FloatLiterals {
    /** Digits below 10^15 are below 2^53: exact as a double. */
    private static final int MAX_EXACT_DIGITS = 15;
    /** 10^22 is the largest power of ten that is an exact double. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /** An exponent beyond any double's, written with at most this many digits. */
    private static final int EXPONENT_LIMIT = 100_000;

    private FloatLiterals() {
    }

    static double parse(String text) {
        long digits = 0;
        int significant = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int n = text.length();
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (significant > 0 || c != '0') {
                    if (++significant > MAX_EXACT_DIGITS) {
                        return Double.parseDouble(text);
                    }
                }
                digits = digits * 10 + (c - '0');
                if (inFraction) {
                    fractionDigits++;
                }
            } else if (c == '.' && !inFraction) {
                inFraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                return Double.parseDouble(text);
            }
        }
        int exponent = 0;
        if (i < n) {
            i++;
            boolean negative = i < n && text.charAt(i) == '-';
            if (i < n && (negative || text.charAt(i) == '+')) {
                i++;
            }
            if (i == n) {
                return Double.parseDouble(text);
            }
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || exponent > EXPONENT_LIMIT) {
                    return Double.parseDouble(text);
                }
                exponent = exponent * 10 + (c - '0');
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        int power = exponent - fractionDigits;
        if (power < -22 || power > 22) {
            return Double.parseDouble(text);
        }
        return power >= 0 ? digits * EXACT_POWERS_OF_TEN[power] : digits / EXACT_POWERS_OF_TEN[-power];
    }
}
