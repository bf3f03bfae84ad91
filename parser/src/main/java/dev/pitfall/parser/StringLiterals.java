package dev.pitfall.parser;

import dev.pitfall.ast.PyConstant;
import java.io.ByteArrayOutputStream;

/**
 * Decodes the body of Python string and bytes literals (everything between the quotes) the way
 * CPython's tokenizer and parser do: escapes, raw literals, line continuations, and the doubled
 * braces of f-string literal parts. Malformed escapes raise {@link IllegalArgumentException}
 * carrying CPython's message; the caller attaches the position.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The number of prefix letters ({@code rb}, {@code f}, {@code u}, ...) before the quote. */
    static int prefixLength(String literal) {
        int i = 0;
        while (i < literal.length() && literal.charAt(i) != '\'' && literal.charAt(i) != '"') {
            i++;
        }
        return i;
    }

    static boolean hasPrefix(String literal, int prefixLength, char letter) {
        for (int i = 0; i < prefixLength; i++) {
            if (Character.toLowerCase(literal.charAt(i)) == letter) {
                return true;
            }
        }
        return false;
    }

    /** The text between the quotes of a complete literal token. */
    static String body(String literal, int prefixLength) {
        int quoteLength = isTripleQuoted(literal, prefixLength) ? 3 : 1;
        return literal.substring(prefixLength + quoteLength, literal.length() - quoteLength);
    }

    static boolean isTripleQuoted(String literal, int prefixLength) {
        return literal.length() >= prefixLength + 6
                && literal.charAt(prefixLength) == literal.charAt(prefixLength + 1)
                && literal.charAt(prefixLength) == literal.charAt(prefixLength + 2);
    }

    /** Decodes a str literal body, or an f-string literal part when {@code fstring} is set. */
    static String decodeString(String body, boolean raw, boolean fstring) {
        if (raw && !fstring) {
            return body;
        }
        int firstSpecial = firstSpecial(body, raw, fstring);
        if (firstSpecial < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        out.append(body, 0, firstSpecial);
        int i = firstSpecial;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (fstring && (c == '{' || c == '}')) {
                out.append(c);
                i += i + 1 < n && body.charAt(i + 1) == c ? 2 : 1;
                continue;
            }
            if (c != '\\' || raw) {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                out.append(c);
                break;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n': break;
                case '\\': out.append('\\'); break;
                case '\'': out.append('\''); break;
                case '"': out.append('"'); break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'v': out.append('\u000b'); break;
                case 'x':
                    out.appendCodePoint(hexEscape(body, i, 2, "truncated \\xXX escape", out.length()));
                    i += 2;
                    break;
                case 'u':
                    appendEscapedCodePoint(out, hexEscape(body, i, 4, "truncated \\uXXXX escape", out.length()));
                    i += 4;
                    break;
                case 'U': {
                    int cp = hexEscape(body, i, 8, "truncated \\UXXXXXXXX escape", out.length());
                    if (cp > Character.MAX_CODE_POINT) {
                        throw unicodeError(out.length(), 10, "illegal Unicode character");
                    }
                    appendEscapedCodePoint(out, cp);
                    i += 8;
                    break;
                }
                case 'N': {
                    int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i) : -1;
                    if (close < 0) {
                        throw unicodeError(out.length(), 2, "malformed \\N character escape");
                    }
                    out.appendCodePoint(namedCharacter(body.substring(i + 1, close), out.length()));
                    i = close + 1;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int digits = 1; digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; digits++) {
                            value = value * 8 + body.charAt(i++) - '0';
                        }
                        out.appendCodePoint(value);
                    } else {
                        out.append('\\').append(e);
                    }
            }
        }
        return out.toString();
    }

    /**
     * Appends the code point of a \\u or \\U escape. A surrogate is written twice: Python keeps an
     * escaped surrogate as one lone code point, and a String would read an escaped high surrogate
     * followed by an escaped low one ({@code '\\ud834\\udd1e'}, also across concatenated literals)
     * as the single character U+1D11E. Text from the source itself never holds a lone surrogate,
     * so a doubled one is unambiguous; {@link #strValue} undoes the doubling.
     */
    private static void appendEscapedCodePoint(StringBuilder out, int codePoint) {
        out.appendCodePoint(codePoint);
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            out.append((char) codePoint);
        }
    }

    /**
     * The value of a str from the output of {@link #decodeString} (one literal, or the pieces of
     * several joined): a String, or a {@link PyConstant.SurrogateStr} when escaped surrogates stand
     * where a String would pair them.
     */
    static Object strValue(String decoded) {
        int n = decoded.length();
        int i = 0;
        while (i < n && !Character.isSurrogate(decoded.charAt(i))) {
            i++;
        }
        if (i == n) {
            return decoded;
        }
        int[] codePoints = new int[n];
        int count = 0;
        for (int k = 0; k < i; k++) {
            codePoints[count++] = decoded.charAt(k);
        }
        boolean pairsWouldMerge = false;
        boolean afterEscapedHigh = false;
        while (i < n) {
            char c = decoded.charAt(i);
            char next = i + 1 < n ? decoded.charAt(i + 1) : 0;
            if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
                codePoints[count++] = Character.toCodePoint(c, next);
                i += 2;
                afterEscapedHigh = false;
            } else if (Character.isSurrogate(c) && next == c) {
                pairsWouldMerge |= afterEscapedHigh && Character.isLowSurrogate(c);
                codePoints[count++] = c;
                i += 2;
                afterEscapedHigh = Character.isHighSurrogate(c);
            } else {
                codePoints[count++] = c;
                i++;
                afterEscapedHigh = false;
            }
        }
        int[] exact = java.util.Arrays.copyOf(codePoints, count);
        return pairsWouldMerge ? new PyConstant.SurrogateStr(exact) : new String(exact, 0, count);
    }

    private static int firstSpecial(String body, boolean raw, boolean fstring) {
        for (int i = 0, n = body.length(); i < n; i++) {
            char c = body.charAt(i);
            if ((c == '\\' && !raw) || (fstring && (c == '{' || c == '}'))) {
                return i;
            }
        }
        return -1;
    }

    private static int namedCharacter(String name, int position) {
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException unknown) {
            throw unicodeError(position, name.length() + 4, "unknown Unicode character name");
        }
    }

    private static int hexEscape(String body, int start, int digits, String problem, int position) {
        if (start + digits > body.length()) {
            throw unicodeError(position, body.length() - start + 2, problem);
        }
        int value = 0;
        for (int k = 0; k < digits; k++) {
            int digit = Character.digit(body.charAt(start + k), 16);
            if (digit < 0) {
                throw unicodeError(position, k + 2, problem);
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static IllegalArgumentException unicodeError(int position, int length, String problem) {
        return new IllegalArgumentException("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + position + "-" + (position + length - 1) + ": " + problem);
    }

    /** Decodes a bytes literal body; only ASCII characters may appear literally. */
    static byte[] decodeBytes(String body, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("bytes can only contain ASCII literal characters");
            }
            if (c != '\\' || raw || i + 1 >= n) {
                out.write(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n': break;
                case '\\': out.write('\\'); break;
                case '\'': out.write('\''); break;
                case '"': out.write('"'); break;
                case 'a': out.write(7); break;
                case 'b': out.write('\b'); break;
                case 'f': out.write('\f'); break;
                case 'n': out.write('\n'); break;
                case 'r': out.write('\r'); break;
                case 't': out.write('\t'); break;
                case 'v': out.write(11); break;
                case 'x': {
                    int high = i < n ? Character.digit(body.charAt(i), 16) : -1;
                    int low = i + 1 < n ? Character.digit(body.charAt(i + 1), 16) : -1;
                    if (high < 0 || low < 0) {
                        throw new IllegalArgumentException("(value error) invalid \\x escape at position "
                                + out.size());
                    }
                    out.write(high * 16 + low);
                    i += 2;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int digits = 1; digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; digits++) {
                            value = value * 8 + body.charAt(i++) - '0';
                        }
                        out.write(value & 0xFF);
                    } else {
                        if (e >= 0x80) {
                            throw new IllegalArgumentException("bytes can only contain ASCII literal characters");
                        }
                        out.write('\\');
                        out.write(e);
                    }
            }
        }
        return out.toByteArray();
    }
}
