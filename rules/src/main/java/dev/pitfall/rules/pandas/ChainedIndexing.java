package dev.pitfall.rules.pandas;

import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Assign;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BoolOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Compare;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.ast.UnaryOpKind;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.ValueKind;
import dev.pitfall.source.SourceFile;
import java.util.Set;

/** PF202: indexing a pandas object twice in a row, which works on a temporary selection. */
@RuleInfo(code = "PF202", name = "chained-indexing",
        summary = "Chained indexing on a DataFrame assigns into a temporary copy",
        severity = Severity.ERROR, tags = {"correctness", "pandas"}, precision = "high",
        explanation = """
                ## What it does
                Finds chained indexing on a pandas DataFrame: a selection that is indexed again.
                - An assignment or augmented assignment through a chain: `df["a"][0] = v`, \
                `df[mask]["b"] = v`, `df.loc[rows]["c"] = v`, `df.iloc[0]["c"] = v`, \
                `df["a"].iloc[3] = v`, `df.col[mask] = v` (error).
                - An in-place method on a selection: `df["a"].fillna(0, inplace=True)` (error).
                - A read through two plain subscripts: `df["a"][3]`, `df[mask]["b"]` (note).

                The first step must be known to give a pandas object (a column, a set of rows): \
                `row["name"][0]` on a row Series is a character of a string, and nested dicts, \
                lists of DataFrames and numpy arrays are not reported. In a method, `self` is not \
                taken for a DataFrame because it has `columns` or `index` attributes, so writes \
                into its own dicts (`self.cache[key] = value`) are not reported. Single-step forms \
                (`df.loc[r, c]`, `df.at[r, c]`, `df.iat[i, j]`), reads such as `df["a"].iloc[-1]` \
                and an explicit `.copy()` before the change are fine.

                ## Why it matters
                The first indexing step returns a new object. Under Copy-on-Write, the default \
                since pandas 3.0, it always behaves as a copy, so assigning into it, or calling an \
                in-place method on it, changes the temporary and never the DataFrame: the code \
                runs, pandas at most warns (`ChainedAssignmentError`), and the data stays as it \
                was. `df[mask]["b"] = v` never worked in any version. A chained read works but \
                builds an intermediate object and mixes label and position lookups.

                ## Example
                ```python
                df["price"][0] = 10.0
                df[df["age"] > 60]["senior"] = True
                df["age"].fillna(df["age"].median(), inplace=True)
                ```

                ## Use instead
                ```python
                df.loc[0, "price"] = 10.0
                df.loc[df["age"] > 60, "senior"] = True
                df["age"] = df["age"].fillna(df["age"].median())
                ```
                Select rows and columns in one `.loc`/`.iloc` call (`.at`/`.iat` for one cell). \
                When you do want a separate subset, take it with `.copy()` and modify that.
                """)
public final class ChainedIndexing implements Rule {
    /** Series-valued attributes of a DataFrame that are not columns. */
    private static final Set<String> NON_COLUMN_ATTRIBUTES = Set.of("dtypes");
    private static final String GENERIC_FIX = "select rows and columns in one .loc[rows, columns] "
            + "(or .iloc) step";

    /** How one indexing step selects: {@code []}, an indexer, or {@code .} for a column attribute. */
    private enum Via { PLAIN, LOC, ILOC, AT, IAT, ATTRIBUTE }

    /**
     * One indexing step: {@code owner[key]}, {@code owner.loc[key]} (and iloc/at/iat), or
     * {@code owner.column}; {@code whole} is the step's own expression.
     */
    private record Step(Expression whole, Expression owner, Via via, Expression key, String column) {
    }

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Assign.class, (assign, context) -> {
            for (Expression target : assign.targets()) {
                checkTarget(target, context);
            }
        });
        dispatch.on(AugAssign.class, (assign, context) -> checkTarget(assign.target(), context));
        dispatch.on(AnnAssign.class, (assign, context) -> {
            if (assign.value() != null) {
                checkTarget(assign.target(), context);
            }
        });
        dispatch.on(Call.class, this::checkInPlaceCall);
        dispatch.on(Subscript.class, this::checkRead);
    }

    // ---- the three forms

    private void checkTarget(Expression target, RuleContext context) {
        if (target instanceof Tuple) {
            for (Expression element : ((Tuple) target).elts()) {
                checkTarget(element, context);
            }
            return;
        }
        if (target instanceof dev.pitfall.ast.List) {
            for (Expression element : ((dev.pitfall.ast.List) target).elts()) {
                checkTarget(element, context);
            }
            return;
        }
        if (target instanceof Starred) {
            checkTarget(((Starred) target).value(), context);
            return;
        }
        SemanticModel model = context.semantic();
        Step outer = step(target);
        if (outer == null || outer.via() == Via.ATTRIBUTE) {
            return;
        }
        Step inner = step(outer.owner());
        if (inner == null || !isSelection(inner, model)) {
            return;
        }
        SourceFile source = context.source();
        String root = PandasExpressions.quote(source, root(inner.owner()));
        // Selecting several rows copies them in every pandas version; a column or one row only
        // became a guaranteed copy with Copy-on-Write.
        boolean alwaysCopy = model.kindOf(inner.whole()).isDataFrame() && inner.via() != Via.ATTRIBUTE
                && !(inner.via() == Via.PLAIN && selectsColumns(inner.key(), model));
        context.report(target, String.format(
                "chained assignment %s = ... writes into a temporary selection, so \"%s\" is never "
                        + "updated %s; %s",
                PandasExpressions.quote(source, target), root,
                alwaysCopy ? "(the rows selected first are a copy)"
                        : "under pandas Copy-on-Write (the default since pandas 3.0)",
                oneStepFix(inner, outer, model, source, " = ...")));
    }

    /** A list of column labels: {@code df[["a", "b"]]} selects columns, not rows. */
    private static boolean selectsColumns(Expression key, SemanticModel model) {
        return key instanceof dev.pitfall.ast.List || model.kindOf(key).is(ValueKind.LIST);
    }

    private void checkInPlaceCall(Call call, RuleContext context) {
        if (!(call.func() instanceof Attribute) || !isInPlace(call)) {
            return;
        }
        SemanticModel model = context.semantic();
        Attribute method = (Attribute) call.func();
        Step selection = step(method.value());
        if (selection == null || !isSelection(selection, model)) {
            return;
        }
        SourceFile source = context.source();
        String receiver = spelled(selection, source);
        context.report(call, String.format(
                "%s.%s(..., inplace=True) modifies a temporary selection, so \"%s\" is never updated "
                        + "under pandas Copy-on-Write (the default since pandas 3.0); assign the result "
                        + "instead: %s = %s.%s(...)",
                PandasExpressions.quote(source, method.value()), method.attr(),
                PandasExpressions.quote(source, root(selection.owner())), receiver, receiver, method.attr()));
    }

    private void checkRead(Subscript read, RuleContext context) {
        if (read.ctx() != ExprContext.Load) {
            return;
        }
        SemanticModel model = context.semantic();
        if (!isPlainChain(read, model) || isReportedElsewhere(read, model, context)) {
            return;
        }
        Step outer = step(read);
        Step inner = step(outer.owner());
        SourceFile source = context.source();
        context.report(read, Severity.NOTE, String.format(
                "chained indexing %s reads through a temporary selection of \"%s\"; %s",
                PandasExpressions.quote(source, read), PandasExpressions.quote(source, root(inner.owner())),
                oneStepFix(inner, outer, model, source, "")));
    }

    /** {@code X[a][b]} where {@code X[a]} is a selection from a pandas object. */
    private boolean isPlainChain(Subscript read, SemanticModel model) {
        Step outer = step(read);
        if (outer == null || outer.via() != Via.PLAIN) {
            return false;
        }
        Step inner = step(outer.owner());
        return inner != null && inner.via() == Via.PLAIN && isSelection(inner, model);
    }

    /**
     * True when the read is part of a longer chain reported on its own: the receiver of an
     * assignment target or of an in-place call, or the start of a longer plain chain. The read is
     * the node being visited: the linter's path knows its parents.
     */
    private boolean isReportedElsewhere(Subscript read, SemanticModel model, RuleContext context) {
        Node parent = context.ancestor(1);
        if (parent instanceof Subscript && ((Subscript) parent).value() == read) {
            Subscript outer = (Subscript) parent;
            return outer.ctx() != ExprContext.Load || isPlainChain(outer, model);
        }
        if (parent instanceof Attribute && ((Attribute) parent).value() == read) {
            Node grandparent = context.ancestor(2);
            if (grandparent instanceof Subscript && ((Subscript) grandparent).value() == parent
                    && ((Subscript) grandparent).ctx() != ExprContext.Load
                    && PandasExpressions.isIndexer((Attribute) parent, PandasExpressions.ALL_INDEXERS)) {
                return true;
            }
            return grandparent instanceof Call && ((Call) grandparent).func() == parent
                    && isInPlace((Call) grandparent);
        }
        return false;
    }

    // ---- steps and selections

    private static Step step(Expression expression) {
        if (expression instanceof Subscript) {
            Subscript subscript = (Subscript) expression;
            if (PandasExpressions.isIndexer(subscript.value(), PandasExpressions.ALL_INDEXERS)) {
                Attribute indexer = (Attribute) subscript.value();
                Via via = switch (indexer.attr()) {
                    case "loc" -> Via.LOC;
                    case "iloc" -> Via.ILOC;
                    case "at" -> Via.AT;
                    default -> Via.IAT;
                };
                return new Step(expression, indexer.value(), via, subscript.slice(), null);
            }
            return new Step(expression, subscript.value(), Via.PLAIN, subscript.slice(), null);
        }
        if (expression instanceof Attribute
                && !PandasExpressions.ALL_INDEXERS.contains(((Attribute) expression).attr())) {
            Attribute attribute = (Attribute) expression;
            return new Step(expression, attribute.value(), Via.ATTRIBUTE, null, attribute.attr());
        }
        return null;
    }

    /**
     * True when the step takes a new pandas object (rows or columns, not one value) out of a
     * DataFrame, directly or through earlier steps of the same chain: the chain must start at a
     * DataFrame, since on a Series variable {@code s[k]} is usually one value. Indexing a
     * DataFrame with {@code []} always gives a Series or a DataFrame; {@code .loc}/{@code .iloc}
     * are pandas' own names, so an owner of unknown kind counts when the key names rows only (with
     * a row and a column key the result may be one value).
     */
    private static boolean isSelection(Step step, SemanticModel model) {
        ValueKind owner = model.kindOf(step.owner());
        switch (step.via()) {
            case PLAIN:
                return owner.isDataFrame() || yieldsPandasData(step, model) && isSelectionFromFrame(step.owner(), model);
            case LOC:
            case ILOC:
                if (owner.isUnknown()) {
                    return !(step.key() instanceof Tuple);
                }
                return yieldsPandasData(step, model)
                        && (owner.isDataFrame() || isSelectionFromFrame(step.owner(), model));
            case ATTRIBUTE:
                return owner.isDataFrame() && model.kindOf(step.whole()).isSeries()
                        && !NON_COLUMN_ATTRIBUTES.contains(step.column());
            default:
                return false;
        }
    }

    private static boolean yieldsPandasData(Step step, SemanticModel model) {
        return model.kindOf(step.whole()).isPandasData();
    }

    /** An expression that is itself a selection out of a DataFrame ({@code df["a"]} in {@code df["a"][m]}). */
    private static boolean isSelectionFromFrame(Expression expression, SemanticModel model) {
        Step earlier = step(expression);
        return earlier != null && isSelection(earlier, model);
    }

    private static boolean isInPlace(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("inplace".equals(keyword.arg()) && PandasExpressions.isConstant(keyword.value(), Boolean.TRUE)) {
                return true;
            }
        }
        return false;
    }

    /** The object a chain of steps starts from: {@code df} in {@code df.loc[m]["a"]}. */
    private static Expression root(Expression expression) {
        Expression current = expression;
        for (Step step = step(current); step != null; step = step(current)) {
            current = step.owner();
        }
        return current;
    }

    // ---- the fix

    /**
     * The single-step spelling of a two-step chain, as advice: {@code df["c"][r]} becomes
     * {@code df.loc[r, "c"]}, {@code df[m]["c"]} becomes {@code df.loc[m, "c"]},
     * {@code df["c"].iloc[i]} becomes {@code df.iloc[i, df.columns.get_loc("c")]}; {@code tail}
     * follows the expression ({@code " = ..."} for an assignment).
     */
    private static String oneStepFix(Step inner, Step outer, SemanticModel model, SourceFile source, String tail) {
        String frame = PandasExpressions.quote(source, inner.owner());
        boolean onFrame = model.kindOf(inner.owner()).isDataFrame();
        ValueKind selected = model.kindOf(inner.whole());
        String innerKey = inner.via() == Via.ATTRIBUTE ? "\"" + inner.column() + "\""
                : PandasExpressions.quote(source, inner.key());
        String outerKey = outer.key() == null ? null : PandasExpressions.quote(source, outer.key());
        boolean plainOnFrame = onFrame && (inner.via() == Via.PLAIN || inner.via() == Via.ATTRIBUTE);
        // A boolean mask in the second step picks rows, so the first one picked the column.
        boolean columnFirst = plainOnFrame && (selected.isSeries() || selectsColumns(inner.key(), model)
                || selected.isUnknown() && isMask(outer.key()));
        boolean rowsFirst = !columnFirst && inner.via() == Via.PLAIN && onFrame && selected.isDataFrame()
                || inner.via() == Via.LOC && !(inner.key() instanceof Tuple);
        String fix = null;
        boolean positionalOuter = outer.via() == Via.PLAIN && isPositionalSlice(outer.key(), model);
        boolean positionalInner = inner.via() == Via.PLAIN && isPositionalSlice(inner.key(), model);
        if (columnFirst && positionalOuter) {
            // df["a"][:5] slices by position, which .loc (by label, end included) would not
            fix = String.format("%s.iloc[%s, %s]", frame, outerKey, columnPositions(frame, inner, innerKey));
        } else if (rowsFirst && positionalInner && outer.via() == Via.PLAIN) {
            fix = String.format("%s.iloc[%s, %s]", frame, innerKey, columnPositions(frame, outer, outerKey));
        } else if (columnFirst) {
            fix = switch (outer.via()) {
                case PLAIN, LOC -> String.format("%s.loc[%s, %s]", frame, outerKey, innerKey);
                case AT -> String.format("%s.at[%s, %s]", frame, outerKey, innerKey);
                case ILOC -> String.format("%s.iloc[%s, %s.columns.get_loc(%s)]", frame, outerKey, frame, innerKey);
                case IAT -> String.format("%s.iat[%s, %s.columns.get_loc(%s)]", frame, outerKey, frame, innerKey);
                default -> null;
            };
        } else if (rowsFirst && outer.via() == Via.PLAIN) {
            fix = String.format("%s.loc[%s, %s]", frame, innerKey, outerKey);
        } else if (inner.via() == Via.ILOC && onFrame && outer.via() == Via.PLAIN
                && !(inner.key() instanceof Tuple)) {
            fix = String.format("%s.iloc[%s, %s.columns.get_loc(%s)]", frame, innerKey, frame, outerKey);
        }
        return fix == null ? GENERIC_FIX : "use " + fix + tail;
    }

    /**
     * {@code [:5]}, {@code [2:-1]}, {@code [:n_train]}: a slice whose bounds are integers, which
     * plain indexing takes by position.
     */
    private static boolean isPositionalSlice(Expression key, SemanticModel model) {
        if (!(key instanceof dev.pitfall.ast.Slice)) {
            return false;
        }
        dev.pitfall.ast.Slice slice = (dev.pitfall.ast.Slice) key;
        return isIntegerOrAbsent(slice.lower(), model) && isIntegerOrAbsent(slice.upper(), model)
                && isIntegerOrAbsent(slice.step(), model);
    }

    private static boolean isIntegerOrAbsent(Expression bound, SemanticModel model) {
        Expression value = bound instanceof UnaryOp && ((UnaryOp) bound).op() == UnaryOpKind.USub
                ? ((UnaryOp) bound).operand() : bound;
        return value == null || value instanceof dev.pitfall.ast.Constant
                && ((dev.pitfall.ast.Constant) value).value() instanceof java.math.BigInteger
                || model.kindOf(value).is(ValueKind.INT);
    }

    /** The column positions .iloc needs for a column selection: get_loc for one label, get_indexer for a list. */
    private static String columnPositions(String frame, Step columns, String key) {
        boolean several = columns.key() instanceof dev.pitfall.ast.List;
        return String.format("%s.columns.%s(%s)", frame, several ? "get_indexer" : "get_loc", key);
    }

    private static boolean isMask(Expression key) {
        return key instanceof Compare || key instanceof BoolOp
                || key instanceof UnaryOp && ((UnaryOp) key).op() == UnaryOpKind.Invert;
    }

    /** How a fix names a selection: a column attribute as {@code df["c"]}, which can also be assigned. */
    private static String spelled(Step selection, SourceFile source) {
        if (selection.via() == Via.ATTRIBUTE) {
            return PandasExpressions.quote(source, selection.owner()) + "[\"" + selection.column() + "\"]";
        }
        return PandasExpressions.quote(source, selection.whole());
    }
}
