package dev.pitfall.semantic;

import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Slice;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which part of a row-wise concatenation a positional row slice takes back. The Kaggle layout
 * joins training and test rows to engineer features once ({@code full = pd.concat([train, test])}),
 * then cuts them apart again at the training part's length ({@code full[:ntrain]},
 * {@code full.iloc[:len(train)]}, with {@code ntrain = train.shape[0]}): the head holds the
 * training part's rows only, and the tail after it (of a two-part concatenation) the other part's.
 * The concatenated frame may be rebuilt in between by steps that keep its rows in order (column
 * drops and selections, fills, dummies, re-indexing); a step that may drop, reorder or add rows
 * ends the search, and the slice then has the rows of every part.
 */
final class ConcatenatedRows {
    private static final String[] CONCATENATIONS = {"pandas.concat", "numpy.concatenate", "numpy.vstack",
        "numpy.row_stack"};

    /** Methods whose result may not have the receiver's rows in the receiver's order. */
    private static final Set<String> ROW_CHANGING_METHODS = Set.of("sample", "sort_values", "sort_index",
            "dropna", "drop_duplicates", "query", "nlargest", "nsmallest", "explode", "melt", "stack",
            "unstack", "pivot", "pivot_table", "groupby", "merge", "head", "tail", "reindex", "transpose",
            "filter", "take", "append", "join", "combine_first", "resample", "rolling", "truncate");

    /** How many rebuilding steps are followed back from the slice to the concatenation. */
    private static final int MAX_STEPS = 24;

    private final SemanticModel model;

    ConcatenatedRows(SemanticModel model) {
        this.model = model;
    }

    /**
     * The part of a concatenation whose rows {@code subscript} selects, or null when it is not a
     * row slice of one cut at its leading part's length.
     */
    Expression partSelected(Subscript subscript) {
        Expression rows = subscript.slice() instanceof Tuple tuple && !tuple.elts().isEmpty()
                ? tuple.elts().get(0) : subscript.slice();
        if (!(rows instanceof Slice slice) || slice.step() != null) {
            return null;
        }
        Expression frame = subscript.value();
        if (frame instanceof Attribute attribute && attribute.attr().equals("iloc")) {
            frame = attribute.value();
        }
        boolean head = slice.lower() == null || isZero(slice.lower());
        Expression cut = head ? slice.upper() : slice.upper() == null ? slice.lower() : null;
        if (cut == null) {
            return null;
        }
        Expression measured = measuredFrame(cut, 0);
        List<Expression> parts = measured == null ? null : concatenatedParts(frame);
        if (parts == null || parts.size() < 2 || !sameRows(parts.get(0), measured)) {
            return null;
        }
        if (head) {
            return parts.get(0);
        }
        return parts.size() == 2 ? parts.get(1) : null;
    }

    /**
     * The frame whose row count {@code count} is: {@code len(train)}, {@code train.shape[0]},
     * {@code len(train.index)}, or a name bound once to one of those.
     */
    private Expression measuredFrame(Expression count, int depth) {
        if (count instanceof Name name && depth < 4) {
            Binding only = onlyAssignment(name);
            return only == null ? null : measuredFrame(only.value(), depth + 1);
        }
        if (count instanceof Call call && call.args().size() == 1 && call.keywords().isEmpty()
                && model.isCallTo(call, "builtins.len")) {
            Expression measured = call.args().get(0);
            if (measured instanceof Attribute attribute && attribute.attr().equals("index")) {
                return attribute.value();
            }
            return measured;
        }
        if (count instanceof Subscript subscript && isZero(subscript.slice())
                && subscript.value() instanceof Attribute attribute && attribute.attr().equals("shape")) {
            return attribute.value();
        }
        return null;
    }

    /**
     * The parts, in order, of the row-wise concatenation that {@code frame} still has the rows of,
     * or null when it is not one.
     */
    private List<Expression> concatenatedParts(Expression frame) {
        Expression current = frame;
        for (int step = 0; step < MAX_STEPS && current != null; step++) {
            List<Expression> parts = current instanceof Call call ? rowWiseParts(call) : null;
            if (parts != null) {
                return parts;
            }
            current = rowKeepingStep(current);
        }
        return null;
    }

    /**
     * The value whose rows {@code current} has, in the same order, one step back: the one
     * assignment of a name, the receiver of a method that keeps rows, the frame of a column
     * selection or of {@code .values}; null when there is none.
     */
    private Expression rowKeepingStep(Expression current) {
        if (current instanceof Name name) {
            Binding only = onlyAssignment(name);
            return only == null ? null : only.value();
        }
        if (current instanceof Call call) {
            return rowKeepingSource(call);
        }
        if (current instanceof Attribute attribute && attribute.attr().equals("values")) {
            return attribute.value();
        }
        return current instanceof Subscript subscript && selectsColumnsOnly(subscript) ? subscript.value() : null;
    }

    /** The parts of {@code pd.concat([a, b])} and the like along the rows, else null. */
    private List<Expression> rowWiseParts(Call call) {
        if (call.args().isEmpty() || !model.isCallTo(call, CONCATENATIONS)) {
            return null;
        }
        for (Keyword keyword : call.keywords()) {
            if ("axis".equals(keyword.arg()) && !isZero(keyword.value())
                    && !(keyword.value() instanceof Constant constant && "index".equals(constant.value()))) {
                return null;
            }
        }
        if (call.args().size() > 1 && !isZero(call.args().get(1))) {
            return null; // a positional axis other than 0
        }
        Expression objects = call.args().get(0);
        if (objects instanceof dev.pitfall.ast.List list) {
            return list.elts();
        }
        if (objects instanceof Tuple tuple) {
            return tuple.elts();
        }
        return null;
    }

    /** The frame a call rebuilds with the same rows in the same order, else null. */
    private Expression rowKeepingSource(Call call) {
        if (!(call.func() instanceof Attribute method) || model.qualifiedName(method).isPresent()) {
            return model.isCallTo(call, "pandas.get_dummies") && !call.args().isEmpty() ? call.args().get(0) : null;
        }
        String name = method.attr();
        if (ROW_CHANGING_METHODS.contains(name) || name.equals("drop") && !dropsColumns(call)) {
            return null;
        }
        return method.value();
    }

    /** {@code df.drop(cols, axis=1)}, {@code df.drop(columns=cols)}: rows are kept. */
    private static boolean dropsColumns(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("columns".equals(keyword.arg())) {
                return true;
            }
            if ("axis".equals(keyword.arg())) {
                return keyword.value() instanceof Constant constant
                        && (BigInteger.ONE.equals(constant.value()) || "columns".equals(constant.value()));
            }
        }
        return call.args().size() > 1 && call.args().get(1) instanceof Constant constant
                && BigInteger.ONE.equals(constant.value());
    }

    /** {@code df[cols]}, {@code df.loc[:, cols]} or {@code df.iloc[:, k]}: every row, some columns. */
    private boolean selectsColumnsOnly(Subscript subscript) {
        if (subscript.value() instanceof Attribute attribute
                && (attribute.attr().equals("loc") || attribute.attr().equals("iloc"))) {
            return subscript.slice() instanceof Tuple tuple && tuple.elts().size() == 2
                    && tuple.elts().get(0) instanceof Slice all && all.lower() == null && all.upper() == null
                    && all.step() == null;
        }
        ValueKind labels = model.kindOf(subscript.slice());
        return model.kindOf(subscript.value()).isDataFrame() && (labels.is(ValueKind.LIST)
                || labels.is(ValueKind.STR) || labels.is(ValueKind.INDEX));
    }

    /**
     * True when the concatenated part has the rows of the frame that was measured, in the same
     * order: the same binding of the same name, reached through steps that keep rows
     * ({@code _train = train.drop(columns="y")} for {@code len(train)}).
     */
    private boolean sameRows(Expression part, Expression measured) {
        if (!(measured instanceof Name measuredName)) {
            return false;
        }
        Set<Binding> measuredDefinitions = model.reachingDefinitions(measuredName);
        Expression current = part;
        for (int step = 0; step < MAX_STEPS && current != null; step++) {
            if (current instanceof Name name && name.id().equals(measuredName.id())
                    && !Collections.disjoint(model.reachingDefinitions(name), measuredDefinitions)) {
                return true;
            }
            current = rowKeepingStep(current);
        }
        return false;
    }

    /** The one plain assignment that reaches a name, or null. */
    private Binding onlyAssignment(Name name) {
        Set<Binding> definitions = model.reachingDefinitions(name);
        if (definitions.size() != 1) {
            return null;
        }
        Binding only = definitions.iterator().next();
        return only.kind() == Binding.Kind.ASSIGNMENT && only.unpackPath().isEmpty() ? only : null;
    }

    private static boolean isZero(Expression expression) {
        return expression instanceof Constant constant && BigInteger.ZERO.equals(constant.value());
    }
}
