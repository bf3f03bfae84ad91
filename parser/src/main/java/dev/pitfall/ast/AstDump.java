package dev.pitfall.ast;

import dev.pitfall.source.CodePointRanges;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a tree in exactly the text of CPython 3.13's
 * {@code ast.dump(tree, include_attributes=True)} (no indent): fields in CPython's order as
 * {@code name=value}, fields that are None or an empty list left out (a Constant's or
 * MatchSingleton's value always shown), then the position attributes; operators and contexts as
 * {@code Load()}; constants as Python's {@code repr}. This is what the conformance test compares
 * with CPython, so it is a debugging path: fields are read through {@link Node#fieldValues()}.
 *
 * <p>The tree is walked with an explicit stack, so any depth prints without a deep call stack.
 */
public final class AstDump {
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final CodePointRanges NONPRINTABLE = CodePointRanges.load(AstDump.class, "nonprintable.txt");

    private AstDump() {
    }

    /**
     * A field of a node, whether it is one of CPython's position attributes, and the text that
     * introduces its value.
     */
    private record Field(String name, boolean attribute, Literal label) {
    }

    /** Text written as is, as opposed to a value still to be formatted. */
    private record Literal(String text) {
    }

    private static final Literal CLOSE_PAREN = new Literal(")");
    private static final Literal CLOSE_BRACKET = new Literal("]");
    private static final Literal COMMA = new Literal(", ");
    /** Marks a field that ast.dump leaves out (None, or an empty list). */
    private static final Object OMITTED = new Object();

    public static String dump(Module module) {
        return dumpNode(module);
    }

    /** Dumps any node, as {@code ast.dump} does for a sub-tree. */
    public static String dumpNode(Node node) {
        StringBuilder out = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof Literal literal) {
                out.append(literal.text());
            } else if (item instanceof Node child) {
                expandNode(child, out, work);
            } else if (item instanceof List<?> list) {
                out.append('[');
                work.push(CLOSE_BRACKET);
                for (int i = list.size() - 1; i >= 0; i--) {
                    work.push(list.get(i) == null ? new Literal("None") : list.get(i));
                    if (i > 0) {
                        work.push(COMMA);
                    }
                }
            } else {
                out.append(repr(item));
            }
        }
        return out.toString();
    }

    /** Writes the node's head and pushes its fields (in reverse, so they pop in order). */
    private static void expandNode(Node node, StringBuilder out, Deque<Object> work) {
        out.append(node.cpythonName()).append('(');
        List<Field> fields = fieldsOf(node);
        Object[] values = node.fieldValues();
        int shown = 0;
        for (int i = 0; i < values.length; i++) {
            Field field = fields.get(i);
            Object value = values[i];
            boolean omitted = !field.attribute()
                    && (value == null || (value instanceof List<?> list && list.isEmpty()));
            values[i] = omitted ? OMITTED : value;
            shown += omitted ? 0 : 1;
        }
        work.push(CLOSE_PAREN);
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] != OMITTED) {
                work.push(values[i]);
                work.push(fields.get(i).label());
                if (--shown > 0) {
                    work.push(COMMA);
                }
            }
        }
    }

    private static List<Field> fieldsOf(Node node) {
        return FIELDS.computeIfAbsent(node.getClass(), type -> fields(node));
    }

    private static List<Field> fields(Node node) {
        boolean located = node instanceof Located;
        List<Field> fields = new ArrayList<>();
        for (String name : node.fieldNames()) {
            boolean attribute = located && (name.equals("lineno") || name.equals("col_offset")
                    || name.equals("end_lineno") || name.equals("end_col_offset"));
            fields.add(new Field(name, attribute, new Literal(name + "=")));
        }
        return List.copyOf(fields);
    }

    /** Python's repr of a field value that is not a node or a list. */
    static String repr(Object value) {
        if (value instanceof String s) {
            return reprStr(s);
        }
        if (value instanceof Enum<?> kind) {
            if (value instanceof PyConstant.Singleton) {
                return value == PyConstant.NONE ? "None" : "Ellipsis";
            }
            return kind.name() + "()";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return reprFloat(d);
        }
        if (value instanceof PyConstant.Complex c) {
            return reprImaginary(c.imag());
        }
        if (value instanceof PyConstant.Bytes b) {
            return reprBytes(b.value());
        }
        if (value instanceof PyConstant.SurrogateStr s) {
            return reprStr(s.codePoints());
        }
        if (value instanceof BigInteger || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        throw new IllegalArgumentException("no Python repr for " + value.getClass().getName());
    }

    /** str.__repr__: quotes chosen as Python chooses them, non-printable characters escaped. */
    public static String reprStr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendReprOf(cp, quote, out);
        }
        return out.append(quote).toString();
    }

    /** str.__repr__ of a str given as code points, where lone surrogates stay single code points. */
    public static String reprStr(int[] codePoints) {
        boolean single = false;
        boolean dbl = false;
        for (int cp : codePoints) {
            single |= cp == '\'';
            dbl |= cp == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(codePoints.length + 2);
        out.append(quote);
        for (int cp : codePoints) {
            appendReprOf(cp, quote, out);
        }
        return out.append(quote).toString();
    }

    private static void appendReprOf(int cp, char quote, StringBuilder out) {
        if (cp == quote || cp == '\\') {
            out.append('\\').append((char) cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (cp < ' ' || cp == 0x7F) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x7F || isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp <= 0xFF) {
            out.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xFFFF) {
            out.append(String.format("\\u%04x", cp));
        } else {
            out.append(String.format("\\U%08x", cp));
        }
    }

    /** bytes.__repr__. */
    public static String reprBytes(byte[] bytes) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : bytes) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(bytes.length + 3);
        out.append('b').append(quote);
        for (byte raw : bytes) {
            int b = raw & 0xFF;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < ' ' || b >= 0x7F) {
                out.append(String.format("\\x%02x", b));
            } else {
                out.append((char) b);
            }
        }
        return out.append(quote).toString();
    }

    /** float.__repr__: the shortest digits that read back as the same double, in Python's layout. */
    public static String reprFloat(double value) {
        return formatShortest(value, true);
    }

    /** The repr of {@code complex(0.0, imag)}: the imaginary part without a forced ".0", then 'j'. */
    public static String reprImaginary(double imag) {
        return formatShortest(imag, false) + "j";
    }

    private static String formatShortest(double value, boolean forceFraction) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return sign + (forceFraction ? "0.0" : "0");
        }
        BigDecimal shortest = shortestRoundTrip(magnitude).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int n = digits.length();
        int decimalPoint = n - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (decimalPoint <= -4 || decimalPoint > 16) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exponent = decimalPoint - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int absExponent = Math.abs(exponent);
            if (absExponent < 10) {
                out.append('0');
            }
            out.append(absExponent);
        } else if (decimalPoint <= 0) {
            out.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint < n) {
            out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, n);
        } else {
            out.append(digits).append("0".repeat(decimalPoint - n));
            if (forceFraction) {
                out.append(".0");
            }
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that parses back to {@code value}; among
     * candidates of that length, the nearest to the exact binary value (as CPython's dtoa picks).
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(nearest.toString()) == value) {
                return nearest;
            }
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            BigDecimal other = nearest.compareTo(down) == 0 ? up : down;
            if (Double.parseDouble(other.toString()) == value) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** Python's str.isprintable() for one code point, from CPython 3.13's Unicode 15.1 data. */
    static boolean isPrintable(int codePoint) {
        return !NONPRINTABLE.contains(codePoint);
    }
}
