package dev.pitfall.rules.pandas;

import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Subscript;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.ValueKind;
import dev.pitfall.source.SourceFile;
import java.util.Objects;
import java.util.Set;

/** Small syntactic facts about pandas expressions shared by the pandas rules. */
final class PandasExpressions {
    /** pandas' indexers: label and position selections, and their one-cell forms. */
    static final Set<String> ALL_INDEXERS = Set.of("loc", "iloc", "at", "iat");

    private static final int LONGEST_QUOTE = 48;

    private PandasExpressions() {
    }

    /** {@code X.loc}, {@code X.iloc}... when {@code expression} is one of the given indexers. */
    static boolean isIndexer(Expression expression, Set<String> indexers) {
        return expression instanceof Attribute && indexers.contains(((Attribute) expression).attr());
    }

    /**
     * The source text of a node on one line, whitespace collapsed, shortened with an ellipsis when
     * long: for naming a DataFrame or an expression in a message.
     */
    static String quote(SourceFile source, Located node) {
        String text = collapseWhitespace(exactText(source, node)).strip();
        if (text.length() > LONGEST_QUOTE) {
            return text.substring(0, LONGEST_QUOTE - 3) + "...";
        }
        return text;
    }

    /**
     * Each run of whitespace ({@code \\s}: space, tab, line ends, vertical tab, form feed) as one
     * space. By hand: {@code replaceAll} compiles its pattern on every call, which in a cold run
     * costs more than the message it helps to write.
     */
    private static String collapseWhitespace(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean inWhitespace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean whitespace = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!whitespace) {
                collapsed.append(c);
            } else if (!inWhitespace) {
                collapsed.append(' ');
            }
            inWhitespace = whitespace;
        }
        return collapsed.toString();
    }

    /**
     * How a message's example should call the frame: its own spelling when that is a plain name
     * or attribute path ({@code df}, {@code self.data}), else {@code df}.
     */
    static String exampleName(SourceFile source, Expression frame) {
        Expression current = frame;
        while (current instanceof Attribute) {
            current = ((Attribute) current).value();
        }
        return current instanceof Name ? quote(source, frame) : "df";
    }

    /** The source text of a node, as written. */
    static String exactText(SourceFile source, Located node) {
        int start = source.lineStartOffset(node.lineno())
                + source.utf16Column(node.lineno(), node.col_offset());
        int end = source.lineStartOffset(node.end_lineno())
                + source.utf16Column(node.end_lineno(), node.end_col_offset());
        String text = source.text();
        if (start < 0 || end > text.length() || start >= end) {
            return "";
        }
        return text.substring(start, end);
    }

    /**
     * True when two expressions name the same object: the same variable (same symbol), or the same
     * attribute or constant-key subscript path from it ({@code df}, {@code self.frame},
     * {@code data["train"]}). Calls and computed keys never match: they may differ between uses.
     */
    static boolean sameReference(Expression a, Expression b, SemanticModel model) {
        if (a instanceof Name && b instanceof Name) {
            return ((Name) a).id().equals(((Name) b).id())
                    && Objects.equals(model.symbolOf((Name) a), model.symbolOf((Name) b));
        }
        if (a instanceof Attribute && b instanceof Attribute) {
            return ((Attribute) a).attr().equals(((Attribute) b).attr())
                    && sameReference(((Attribute) a).value(), ((Attribute) b).value(), model);
        }
        if (a instanceof Subscript && b instanceof Subscript) {
            Expression keyA = ((Subscript) a).slice();
            Expression keyB = ((Subscript) b).slice();
            return keyA instanceof Constant && keyB instanceof Constant
                    && Objects.equals(((Constant) keyA).value(), ((Constant) keyB).value())
                    && sameReference(((Subscript) a).value(), ((Subscript) b).value(), model);
        }
        return false;
    }

    /** A receiver that could be a DataFrame: known to be one, or of unknown kind. */
    static boolean mayBeDataFrame(ValueKind kind) {
        return kind.isUnknown() || kind.isDataFrame();
    }

    static boolean isConstant(Expression expression, Object value) {
        return expression instanceof Constant && value.equals(((Constant) expression).value());
    }
}
