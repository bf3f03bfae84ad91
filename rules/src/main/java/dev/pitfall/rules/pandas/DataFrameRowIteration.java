package dev.pitfall.rules.pandas;

import dev.pitfall.ast.AsyncFor;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.BoolOp;
import dev.pitfall.ast.BoolOpKind;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.CmpOpKind;
import dev.pitfall.ast.Compare;
import dev.pitfall.ast.Comprehension;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.For;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.OperatorKind;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.Slice;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.While;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.Symbol;
import dev.pitfall.semantic.ValueKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** PF201: a DataFrame processed one row at a time in Python instead of column-wise. */
@RuleInfo(code = "PF201", name = "dataframe-row-iteration",
        summary = "DataFrame iterated row by row instead of with column operations",
        severity = Severity.WARNING, tags = {"performance", "pandas"}, precision = "high",
        explanation = """
                ## What it does
                Finds code that walks a pandas DataFrame one row at a time:
                - `for ... in df.iterrows()` or `df.itertuples()`, in a loop or a comprehension \
                (also wrapped in `enumerate`, `zip`, `list` or `tqdm`);
                - `df.apply(f, axis=1)` and `df.apply(f, axis="columns")` (also tqdm's \
                `progress_apply`, pandarallel's `parallel_apply` and `df.swifter.apply`), which \
                call `f` once per row;
                - `for i in range(len(df))` (or `range(df.shape[0])`, `range(len(df.index))`, \
                `df.index`) and `while i < len(df)` loops whose body reads or writes \
                `df.iloc[i]`, `df.loc[i, ...]`, `df.at[i, ...]` or `df.iat[i, ...]`.

                Loops over columns, over `groupby` groups, element-wise `Series.apply`/`map` and \
                `apply` along the default axis (once per column) are not reported.

                ## Why it matters
                pandas stores a DataFrame by column. Every row visited from Python is boxed into a \
                new Series (`iterrows`, `apply(axis=1)`) or looked up through the indexing \
                machinery (`iloc[i]`), which is typically 100 to 1000 times slower than the same \
                computation on whole columns, and `iterrows` also loses column dtypes. \
                `itertuples` and `apply(..., raw=True)` are faster, so they are reported as notes.

                ## Example
                ```python
                total = 0.0
                for _, row in df.iterrows():
                    total += row["price"] * row["qty"]

                df["bmi"] = df.apply(lambda r: r["w"] / r["h"] ** 2, axis=1)
                ```

                ## Use instead
                ```python
                total = (df["price"] * df["qty"]).sum()

                df["bmi"] = df["w"] / df["h"] ** 2
                ```
                Conditions become `np.where`/`np.select` or boolean masks with `.loc`; lookups \
                become `merge` or `Series.map`. When a Python loop is unavoidable, iterate over \
                `df.itertuples(index=False)` or over `zip(df["a"], df["b"])`.
                """)
public final class DataFrameRowIteration implements Rule {
    private static final Set<String> ROW_ITERATORS = Set.of("iterrows", "itertuples");
    private static final Set<String> APPLY_METHODS = Set.of("apply", "progress_apply", "parallel_apply");
    /**
     * Accessors of add-on libraries that give a DataFrame's own apply another engine
     * ({@code df.swifter.apply(f, axis=1)}): the rows are still passed one by one.
     */
    private static final Set<String> APPLY_ACCESSORS = Set.of("swifter");
    /** Calls whose elements are the elements of their first argument. */
    private static final Set<String> ELEMENT_PRESERVING = Set.of("builtins.list", "builtins.tuple",
            "builtins.iter", "builtins.reversed", "builtins.sorted", "tqdm.tqdm", "tqdm.auto.tqdm",
            "tqdm.notebook.tqdm", "tqdm.std.tqdm", "tqdm.tqdm_notebook", "tqdm.autonotebook.tqdm");
    /** range, and tqdm's trange (a progress bar over range) with the same arguments. */
    private static final Set<String> RANGES = Set.of("builtins.range", "tqdm.trange", "tqdm.auto.trange",
            "tqdm.notebook.trange", "tqdm.std.trange", "tqdm.autonotebook.trange");
    /** Calls whose elements carry the elements of their arguments (paired with others). */
    private static final Set<String> ELEMENT_PAIRING = Set.of("builtins.enumerate", "builtins.zip");
    /** Methods of an Index that give its labels in another container. */
    private static final Set<String> SAME_ELEMENTS = Set.of("tolist", "to_list", "to_numpy");
    private static final int NAME_DEPTH = 4;

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(For.class, (loop, context) -> checkLoop(loop.target(), loop.iter(),
                new ArrayList<>(loop.body()), context));
        dispatch.on(AsyncFor.class, (loop, context) -> checkLoop(loop.target(), loop.iter(),
                new ArrayList<>(loop.body()), context));
        dispatch.on(Comprehension.class, this::checkComprehension);
        dispatch.on(While.class, this::checkWhile);
        dispatch.on(Call.class, this::checkApply);
    }

    // ---- loops and comprehensions

    private void checkComprehension(Comprehension generator, RuleContext context) {
        Node owner = context.ancestor(1);
        List<Node> body = new ArrayList<>(generator.ifs());
        List<Comprehension> generators;
        if (owner instanceof ListComp) {
            body.add(((ListComp) owner).elt());
            generators = ((ListComp) owner).generators();
        } else if (owner instanceof SetComp) {
            body.add(((SetComp) owner).elt());
            generators = ((SetComp) owner).generators();
        } else if (owner instanceof GeneratorExp) {
            body.add(((GeneratorExp) owner).elt());
            generators = ((GeneratorExp) owner).generators();
        } else if (owner instanceof DictComp) {
            body.add(((DictComp) owner).key());
            body.add(((DictComp) owner).value());
            generators = ((DictComp) owner).generators();
        } else {
            return;
        }
        // Later generators run once per element of this one: they are part of its body.
        boolean later = false;
        for (Comprehension other : generators) {
            if (later) {
                body.add(other);
            }
            later = later || other == generator;
        }
        checkLoop(generator.target(), generator.iter(), body, context);
    }

    private void checkLoop(Expression target, Expression iterable, List<Node> body, RuleContext context) {
        SemanticModel model = context.semantic();
        Call rowIterator = rowIteratorIn(iterable, model, 0);
        if (rowIterator != null) {
            reportRowIterator(rowIterator, iterable, context);
            return;
        }
        if (target instanceof Name) {
            checkPositional((Name) target, iterable, iterable, body, context);
        } else if (target instanceof Tuple && ((Tuple) target).elts().size() == 2 && iterable instanceof Call
                && model.isCallTo((Call) iterable, "builtins.enumerate") && !((Call) iterable).args().isEmpty()) {
            // for n, label in enumerate(df.index): the counter and the label both walk the rows
            for (Expression element : ((Tuple) target).elts()) {
                if (element instanceof Name && checkPositional((Name) element, ((Call) iterable).args().get(0),
                        iterable, body, context)) {
                    return;
                }
            }
        }
    }

    /** Reports a loop whose variable walks the rows that {@code rows} counts and indexes them in the body; true when reported. */
    private boolean checkPositional(Name variable, Expression rows, Expression iterable, List<Node> body,
            RuleContext context) {
        SemanticModel model = context.semantic();
        Expression frame = positionalFrame(rows, model);
        if (frame == null) {
            return false;
        }
        return reportRowAccess(body, frame, variable, iterable, context);
    }

    /**
     * Reports the first access by {@code counter} to the rows of {@code frame} in {@code body},
     * when {@code frame} may be a DataFrame; true when reported. The body is looked at first:
     * inferring the frame's kind is the dearer question, and most loops over {@code range(len(x))}
     * index no rows of {@code x}.
     */
    private boolean reportRowAccess(List<Node> body, Expression frame, Name counter, Located reportAt,
            RuleContext context) {
        SemanticModel model = context.semantic();
        Subscript access = rowAccess(body, frame, model.symbolOf(counter), model);
        if (access == null || !PandasExpressions.mayBeDataFrame(model.kindOf(frame))) {
            return false;
        }
        reportPositional(reportAt, frame, access, context);
        return true;
    }

    private void checkWhile(While loop, RuleContext context) {
        List<Expression> conditions = loop.test() instanceof BoolOp && ((BoolOp) loop.test()).op() == BoolOpKind.And
                ? ((BoolOp) loop.test()).values() : List.of(loop.test());
        for (Expression condition : conditions) {
            if (condition instanceof Compare && checkWhileBound(loop, (Compare) condition, context)) {
                return;
            }
        }
    }

    /** Reports a {@code while i < len(df)} loop that indexes rows by {@code i}; true when reported. */
    private boolean checkWhileBound(While loop, Compare test, RuleContext context) {
        SemanticModel model = context.semantic();
        if (test.ops().size() != 1) {
            return false;
        }
        CmpOpKind op = test.ops().get(0);
        Expression left = test.left();
        Expression right = test.comparators().get(0);
        Name counter;
        Expression bound;
        if (left instanceof Name && (op == CmpOpKind.Lt || op == CmpOpKind.LtE || op == CmpOpKind.NotEq)) {
            counter = (Name) left;
            bound = right;
        } else if (right instanceof Name
                && (op == CmpOpKind.Gt || op == CmpOpKind.GtE || op == CmpOpKind.NotEq)) {
            counter = (Name) right;
            bound = left;
        } else {
            return false;
        }
        Expression frame = lengthOf(bound, model, 0);
        return frame != null && reportRowAccess(new ArrayList<>(loop.body()), frame, counter, test, context);
    }

    /**
     * The {@code X.iterrows()} or {@code X.itertuples()} call whose rows a loop iterates: the
     * iterable itself, inside {@code enumerate}/{@code zip}/{@code list}/{@code tqdm}..., or bound
     * to a name first ({@code rows = df.iterrows()}); null otherwise.
     */
    private Call rowIteratorIn(Expression iterable, SemanticModel model, int depth) {
        if (depth > NAME_DEPTH) {
            return null;
        }
        if (iterable instanceof Name) {
            Expression value = singleAssignedValue((Name) iterable, model);
            return value == null ? null : rowIteratorIn(value, model, depth + 1);
        }
        if (!(iterable instanceof Call)) {
            return null;
        }
        Call call = (Call) iterable;
        if (call.func() instanceof Attribute && ROW_ITERATORS.contains(((Attribute) call.func()).attr())) {
            // The method names are pandas' own, so a receiver of unknown kind counts.
            ValueKind receiver = model.kindOf(((Attribute) call.func()).value());
            return PandasExpressions.mayBeDataFrame(receiver) ? call : null;
        }
        String callee = model.calleeName(call).orElse("");
        if (ELEMENT_PRESERVING.contains(callee) && !call.args().isEmpty()) {
            return rowIteratorIn(call.args().get(0), model, depth + 1);
        }
        if (ELEMENT_PAIRING.contains(callee)) {
            for (Expression argument : call.args()) {
                Call found = rowIteratorIn(argument, model, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The value a name was assigned, when every definition reaching it is a plain assignment of
     * that same expression (a single {@code n = len(df)} before the loop); else null.
     */
    private static Expression singleAssignedValue(Name name, SemanticModel model) {
        Collection<Binding> definitions = model.reachingDefinitions(name);
        if (definitions.size() != 1) {
            return null;
        }
        Binding definition = definitions.iterator().next();
        if ((definition.kind() != Binding.Kind.ASSIGNMENT && definition.kind() != Binding.Kind.NAMED_EXPRESSION)
                || !definition.unpackPath().isEmpty()) {
            return null;
        }
        return definition.value();
    }

    /** {@code X} for {@code X.tolist()}, {@code X.to_list()}, {@code X.to_numpy()} and {@code X.values}: the same elements. */
    private static Expression arrayOf(Expression expression) {
        if (expression instanceof Call && ((Call) expression).args().isEmpty()
                && ((Call) expression).func() instanceof Attribute
                && SAME_ELEMENTS.contains(((Attribute) ((Call) expression).func()).attr())) {
            return ((Attribute) ((Call) expression).func()).value();
        }
        if (expression instanceof Attribute && ((Attribute) expression).attr().equals("values")) {
            return ((Attribute) expression).value();
        }
        return expression;
    }

    /** {@code X} when the name's only definition is the first target of {@code n_rows, n_cols = X.shape}. */
    private static Expression rowsUnpackedFromShape(Name name, SemanticModel model) {
        Collection<Binding> definitions = model.reachingDefinitions(name);
        if (definitions.size() != 1) {
            return null;
        }
        Binding definition = definitions.iterator().next();
        boolean firstOfTwo = definition.kind() == Binding.Kind.ASSIGNMENT
                && definition.unpackPath().equals(List.of(0));
        if (firstOfTwo && definition.value() instanceof Attribute
                && ((Attribute) definition.value()).attr().equals("shape")) {
            return ((Attribute) definition.value()).value();
        }
        return null;
    }

    /**
     * The DataFrame whose row positions a loop's iterable counts: {@code X} for
     * {@code range(len(X))}, {@code range(start, X.shape[0])}, {@code range(len(X.index) - 1)},
     * {@code X.index}, also inside {@code list}/{@code tqdm}; null otherwise. Whether {@code X}
     * may be a DataFrame is left to the caller.
     */
    private Expression positionalFrame(Expression iterable, SemanticModel model) {
        Expression unwrapped = iterable;
        for (int depth = 0; depth < NAME_DEPTH && unwrapped instanceof Call; depth++) {
            Call call = (Call) unwrapped;
            String callee = model.calleeName(call).orElse("");
            if (ELEMENT_PRESERVING.contains(callee) && !call.args().isEmpty()) {
                unwrapped = call.args().get(0);
            } else {
                break;
            }
        }
        Expression frame = null;
        if (unwrapped instanceof Call && RANGES.contains(model.calleeName((Call) unwrapped).orElse(""))) {
            List<Expression> bounds = ((Call) unwrapped).args();
            if (bounds.size() == 1 || bounds.size() == 2 || bounds.size() == 3) {
                frame = lengthOf(bounds.get(bounds.size() == 1 ? 0 : 1), model, 0);
            }
        } else {
            Expression labels = arrayOf(unwrapped);
            if (labels instanceof Attribute && ((Attribute) labels).attr().equals("index")) {
                frame = ((Attribute) labels).value();
            }
        }
        return frame;
    }

    /** {@code X} when {@code length} is {@code len(X)}, {@code len(X.index)}, {@code X.shape[0]}, plus or minus an offset. */
    private Expression lengthOf(Expression length, SemanticModel model, int depth) {
        if (depth > NAME_DEPTH) {
            return null;
        }
        if (length instanceof BinOp) {
            BinOp arithmetic = (BinOp) length;
            boolean offset = arithmetic.op() == OperatorKind.Add || arithmetic.op() == OperatorKind.Sub;
            return offset ? lengthOf(arithmetic.left(), model, depth + 1) : null;
        }
        if (length instanceof Name) {
            Expression rows = rowsUnpackedFromShape((Name) length, model);
            if (rows != null) {
                return rows;
            }
            Expression value = singleAssignedValue((Name) length, model);
            return value == null ? null : lengthOf(value, model, depth + 1);
        }
        if (length instanceof Call) {
            Call call = (Call) length;
            if (!model.isCallTo(call, "builtins.len") || call.args().size() != 1) {
                return null;
            }
            Expression measured = call.args().get(0);
            if (measured instanceof Attribute) {
                String attribute = ((Attribute) measured).attr();
                if (attribute.equals("index")) {
                    return ((Attribute) measured).value();
                }
                if (attribute.equals("columns")) {
                    return null;
                }
            }
            return measured;
        }
        if (length instanceof Subscript) {
            Subscript dimension = (Subscript) length;
            if (dimension.value() instanceof Attribute && ((Attribute) dimension.value()).attr().equals("shape")
                    && PandasExpressions.isConstant(dimension.slice(), BigInteger.ZERO)) {
                return ((Attribute) dimension.value()).value();
            }
        }
        return null;
    }

    /**
     * The first place in {@code body} that picks one row of {@code frame} by the loop counter:
     * {@code frame.iloc[i]}, {@code frame.loc[i, "c"]}, {@code frame.at[i, "c"]},
     * {@code frame.iat[i - 1, 0]}, {@code frame["c"].iloc[i]}, {@code frame["c"][i]}, or, for a
     * known DataFrame, {@code frame.c[i]}. Slices (batches of rows) do not count.
     */
    private Subscript rowAccess(List<Node> body, Expression frame, Symbol counter, SemanticModel model) {
        if (counter == null) {
            return null;
        }
        List<Subscript> found = new ArrayList<>(1);
        for (Node node : body) {
            Nodes.walk(node, descendant -> {
                if (!found.isEmpty() || !(descendant instanceof Subscript)) {
                    return;
                }
                Subscript subscript = (Subscript) descendant;
                if (!usesCounter(rowKey(subscript.slice()), counter, model)) {
                    return;
                }
                Expression container = subscript.value();
                if (PandasExpressions.isIndexer(container, PandasExpressions.ALL_INDEXERS)) {
                    Expression owner = ((Attribute) container).value();
                    if (PandasExpressions.sameReference(owner, frame, model)
                            || isColumnOf(owner, frame, true, model)) {
                        found.add(subscript);
                    }
                } else if (isColumnOf(container, frame, false, model)) {
                    found.add(subscript);
                }
            });
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        return null;
    }

    private static Expression rowKey(Expression key) {
        if (key instanceof Tuple && !((Tuple) key).elts().isEmpty()) {
            return ((Tuple) key).elts().get(0);
        }
        return key;
    }

    /**
     * {@code i}, {@code i + 1}, {@code i - 1}, {@code [i]} or {@code X.index[i]} with {@code i} the
     * counter (a slice is a batch, not a row).
     */
    private static boolean usesCounter(Expression key, Symbol counter, SemanticModel model) {
        if (key instanceof Name) {
            return model.symbolOf((Name) key) == counter;
        }
        if (key instanceof Subscript && ((Subscript) key).value() instanceof Attribute
                && ((Attribute) ((Subscript) key).value()).attr().equals("index")) {
            // df.loc[df.index[i], "c"]: the label of the i-th row.
            return usesCounter(((Subscript) key).slice(), counter, model);
        }
        if (key instanceof dev.pitfall.ast.List && ((dev.pitfall.ast.List) key).elts().size() == 1) {
            // df.iloc[[i]]: row i as a one-row DataFrame.
            return usesCounter(((dev.pitfall.ast.List) key).elts().get(0), counter, model);
        }
        if (key instanceof BinOp) {
            BinOp arithmetic = (BinOp) key;
            return (arithmetic.op() == OperatorKind.Add || arithmetic.op() == OperatorKind.Sub)
                    && (usesCounter(arithmetic.left(), counter, model)
                            && arithmetic.right() instanceof Constant
                            || usesCounter(arithmetic.right(), counter, model)
                            && arithmetic.left() instanceof Constant);
        }
        return false;
    }

    /**
     * One column of the frame: {@code frame[key]} or {@code frame.c}. A column used through a
     * pandas indexer ({@code frame[k].iloc[i]}, {@code viaIndexer}) is pandas data whatever the
     * frame's known kind. Otherwise, unless the frame is known to be a DataFrame, only a string key
     * counts ({@code frame["c"][i]}), and an attribute must be known to be a column:
     * {@code dataset.targets[i]} is common outside pandas.
     */
    private static boolean isColumnOf(Expression candidate, Expression frame, boolean viaIndexer,
            SemanticModel model) {
        if (candidate instanceof Subscript) {
            Subscript column = (Subscript) candidate;
            Expression key = column.slice();
            boolean labelKey = key instanceof Constant && ((Constant) key).value() instanceof String
                    || model.kindOf(key).is(ValueKind.STR);
            boolean knownFrame = model.kindOf(frame).isDataFrame();
            return (viaIndexer || knownFrame || labelKey) && !(key instanceof Slice)
                    && PandasExpressions.sameReference(column.value(), frame, model);
        }
        if (candidate instanceof Attribute) {
            ValueKind kind = model.kindOf(candidate);
            return (kind.isSeries() || viaIndexer && kind.isUnknown())
                    && !PandasExpressions.ALL_INDEXERS.contains(((Attribute) candidate).attr())
                    && PandasExpressions.sameReference(((Attribute) candidate).value(), frame, model);
        }
        return false;
    }

    // ---- apply(axis=1)

    private void checkApply(Call call, RuleContext context) {
        if (!(call.func() instanceof Attribute) || !APPLY_METHODS.contains(((Attribute) call.func()).attr())) {
            return;
        }
        SemanticModel model = context.semantic();
        Expression receiver = ((Attribute) call.func()).value();
        if (receiver instanceof Attribute && APPLY_ACCESSORS.contains(((Attribute) receiver).attr())) {
            receiver = ((Attribute) receiver).value();
        }
        ValueKind receiverKind = model.kindOf(receiver);
        if (!PandasExpressions.mayBeDataFrame(receiverKind) || isStyler(receiver)) {
            return;
        }
        Expression axis = null;
        boolean raw = false;
        for (Keyword keyword : call.keywords()) {
            if ("axis".equals(keyword.arg())) {
                axis = keyword.value();
            } else if ("raw".equals(keyword.arg())) {
                raw = PandasExpressions.isConstant(keyword.value(), Boolean.TRUE);
            }
        }
        // DataFrame.apply(func, axis, raw, ...); on a receiver of unknown kind a second
        // positional argument may be anything (GroupBy.apply passes it on), so only the keyword counts.
        if (axis == null && receiverKind.isDataFrame() && call.args().size() >= 2) {
            axis = call.args().get(1);
            raw = raw || call.args().size() >= 3 && PandasExpressions.isConstant(call.args().get(2), Boolean.TRUE);
        }
        if (axis == null || !(PandasExpressions.isConstant(axis, BigInteger.ONE)
                || PandasExpressions.isConstant(axis, "columns"))) {
            return;
        }
        String frame = PandasExpressions.quote(context.source(), receiver);
        String example = PandasExpressions.exampleName(context.source(), receiver);
        String function = call.args().isEmpty() ? "the function"
                : call.args().get(0) instanceof Lambda ? "the lambda"
                : PandasExpressions.quote(context.source(), call.args().get(0));
        String spelled = String.format("%s.%s(..., axis=%s%s)", frame, ((Attribute) call.func()).attr(),
                PandasExpressions.quote(context.source(), axis), raw ? ", raw=True" : "");
        if (raw) {
            context.report(call, Severity.NOTE, String.format(
                    "%s still calls %s once per row of \"%s\"; use numpy operations on whole columns "
                            + "or on %s.to_numpy() instead",
                    spelled, function, frame, example));
        } else {
            context.report(call, String.format(
                    "%s calls %s once per row of \"%s\", boxing each row into a Series; compute on whole "
                            + "columns instead (e.g. %s[\"a\"] * %s[\"b\"], np.where(...) for conditions)",
                    spelled, function, frame, example, example));
        }
    }

    /**
     * {@code df.style}, or a chain of its methods: {@code Styler.apply(f, axis=1)} styles the
     * rendered table row by row, which is what it is for.
     */
    private static boolean isStyler(Expression receiver) {
        Expression current = receiver;
        while (current instanceof Call && ((Call) current).func() instanceof Attribute) {
            current = ((Attribute) ((Call) current).func()).value();
        }
        return current instanceof Attribute && ((Attribute) current).attr().equals("style");
    }

    // ---- messages

    private void reportRowIterator(Call rowIterator, Expression iterable, RuleContext context) {
        Attribute method = (Attribute) rowIterator.func();
        String frame = PandasExpressions.quote(context.source(), method.value());
        String example = PandasExpressions.exampleName(context.source(), method.value());
        // A name bound to the iterator earlier: the loop header is where the rows are walked.
        Located at = iterable instanceof Name ? iterable : rowIterator;
        if (method.attr().equals("itertuples")) {
            context.report(at, Severity.NOTE, String.format(
                    "\"%s\" is iterated row by row with itertuples(); where the loop body allows it, "
                            + "compute on whole columns instead (e.g. %s[\"a\"] * %s[\"b\"])",
                    frame, example, example));
        } else {
            context.report(at, String.format(
                    "\"%s\" is iterated row by row with iterrows(), which builds a Series for every row; "
                            + "compute on whole columns instead (e.g. (%s[\"a\"] * %s[\"b\"]).sum()), or use "
                            + "itertuples() if a loop is unavoidable",
                    frame, example, example));
        }
    }

    private void reportPositional(Located at, Expression frame, Subscript access, RuleContext context) {
        String name = PandasExpressions.quote(context.source(), frame);
        context.report(at, String.format(
                "\"%s\" is walked one row at a time (%s on %s); compute on whole columns instead "
                        + "(vectorised arithmetic, np.where, .loc with a boolean mask, merge or map)",
                name, PandasExpressions.quote(context.source(), access), context.lineLabel(access)));
    }
}
