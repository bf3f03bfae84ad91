package dev.pitfall.semantic;

import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Comprehension;
import dev.pitfall.ast.Dict;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.IfExp;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.NamedExpr;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.ast.UnaryOpKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which bindings' rows a value may contain: a narrower derives-from than {@link DataFlow}, for
 * questions such as "does the data this scaler is fitted on share rows with the data that is
 * split later" or "does it contain test rows". Rows flow through assignment and unpacking (the
 * parts of {@code train_test_split} get the rows of their own input), subscripts and attributes
 * of the container (a row selector given by name, {@code X[train_idx]}, counts too), operators,
 * displays ({@code pd.concat([a, b])}), library calls (their arguments, without option keywords)
 * and methods (receiver and arguments), and calls of this file's functions by their one-level
 * summaries. They do not flow through masks and comparisons ({@code df[df.id.isin(test_ids)]}
 * has the rows of {@code df}, not of {@code test_ids}), through {@code len}-like builtins, nor
 * from a fitted estimator into what it transforms ({@code scaler.transform(X)} has the rows of
 * {@code X} only: what the scaler learned is information, and {@link DataFlow} tracks that).
 */
public final class RowLineage {
    /** Builtins whose result carries no rows of their arguments. */
    private static final Set<String> ROWLESS_BUILTINS = Set.of("builtins.len", "builtins.print",
            "builtins.isinstance", "builtins.type", "builtins.range", "builtins.id", "builtins.hash",
            "builtins.repr", "builtins.str", "builtins.int", "builtins.float", "builtins.bool",
            "builtins.hasattr", "builtins.getattr", "builtins.callable");

    /** Estimator methods whose result has the rows of their argument, not of the estimator. */
    private static final Set<String> ESTIMATOR_APPLICATIONS = Set.of("transform", "fit_transform",
            "predict", "predict_proba", "predict_log_proba", "decision_function", "score_samples",
            "inverse_transform", "fit_predict", "fit_resample", "texts_to_sequences",
            "texts_to_matrix", "kneighbors");

    /** pandas methods that call a function with the receiver's columns, rows, groups or itself. */
    private static final Set<String> PANDAS_CALLBACK_METHODS = Set.of("apply", "transform", "agg",
            "aggregate", "pipe");

    private final SemanticModel model;
    private final Map<Binding, Set<Binding>> direct = new IdentityHashMap<>();
    private final Map<Expression, Set<Binding>> originsByExpression = new IdentityHashMap<>();
    private final ConcatenatedRows concatenatedRows;

    RowLineage(SemanticModel model) {
        this.model = model;
        this.concatenatedRows = new ConcatenatedRows(model);
    }

    /**
     * The bindings whose rows the value of {@code expression} may contain, transitively; computed
     * once per expression (a leakage check asks again about the same fitted data for every split).
     */
    public Set<Binding> origins(Expression expression) {
        Set<Binding> known = originsByExpression.get(expression);
        if (known == null) {
            Set<Binding> start = new LinkedHashSet<>();
            collect(expression, start);
            known = Collections.unmodifiableSet(DataFlow.closure(start, this::inputs));
            originsByExpression.put(expression, known);
        }
        return known;
    }

    /** True when the two values may share rows (a common origin binding). */
    public boolean overlap(Expression a, Expression b) {
        Set<Binding> left = origins(a);
        for (Binding binding : origins(b)) {
            if (left.contains(binding) && isData(binding)) {
                return true;
            }
        }
        return false;
    }

    /** Imports, definitions and the like are shared by everything and say nothing about rows. */
    private static boolean isData(Binding binding) {
        return switch (binding.kind()) {
            case IMPORT, FUNCTION, CLASS, DELETION, TYPE_PARAMETER -> false;
            default -> true;
        };
    }

    /** The bindings a binding's rows come from directly (one step). */
    public Set<Binding> inputs(Binding binding) {
        Set<Binding> known = direct.get(binding);
        if (known == null) {
            known = new LinkedHashSet<>();
            direct.put(binding, known);
            computeInputs(binding, known);
        }
        return known;
    }

    private void computeInputs(Binding binding, Set<Binding> found) {
        switch (binding.kind()) {
            case ASSIGNMENT, NAMED_EXPRESSION, ANNOTATED_ASSIGNMENT, WITH_TARGET, FOR_TARGET,
                    COMPREHENSION_TARGET -> {
                collect(DataFlow.unpackedPart(model, binding.value(), binding.unpackPath()), found);
                for (Expression added : model.valuesAddedTo(binding)) {
                    collect(added, found);
                }
            }
            case AUGMENTED_ASSIGNMENT -> {
                Statement statement = (Statement) binding.owner();
                found.addAll(model.reachingBefore(statement, binding.symbol()));
                collect(((AugAssign) statement).value(), found);
            }
            case PARAMETER -> collect(pandasReceiverOfCallback(binding), found);
            default -> {
                // Other parameters, imports, definitions: no rows flow in from this scope.
            }
        }
    }

    /**
     * The pandas object whose columns, rows or groups pandas passes to a lambda's first parameter
     * ({@code df[cols].apply(lambda c: (c - c.mean()) / c.std())}, {@code df.groupby(k)["x"]
     * .transform(lambda g: g.fillna(g.median()))}): the parameter holds that object's rows.
     * Null for any other parameter.
     */
    private Expression pandasReceiverOfCallback(Binding parameter) {
        if (!(parameter.owner() instanceof Lambda)) {
            return null;
        }
        Lambda lambda = (Lambda) parameter.owner();
        List<Arg> positional = new ArrayList<>(lambda.args().posonlyargs());
        positional.addAll(lambda.args().args());
        if (positional.isEmpty() || positional.get(0) != parameter.node()) {
            return null;
        }
        Node parent = model.lambdaSite(lambda);
        if (!(parent instanceof Call) || !(((Call) parent).func() instanceof Attribute)
                || ((Call) parent).args().isEmpty() || ((Call) parent).args().get(0) != lambda) {
            return null;
        }
        Attribute method = (Attribute) ((Call) parent).func();
        ValueKind receiver = model.kindOf(method.value());
        boolean pandas = receiver.isPandasData() || receiver.is(ValueKind.GROUPBY);
        return pandas && PANDAS_CALLBACK_METHODS.contains(method.attr()) ? method.value() : null;
    }

    private void collect(Expression expression, Set<Binding> found) {
        if (expression == null) {
            return;
        }
        if (expression instanceof Name) {
            if (!holdsNoRows(model.kindOf(expression))) {
                found.addAll(model.reachingDefinitions((Name) expression));
            }
        } else if (expression instanceof Subscript) {
            Subscript subscript = (Subscript) expression;
            Expression part = concatenatedRows.partSelected(subscript);
            if (part != null) {
                collect(part, found);
                return;
            }
            collect(subscript.value(), found);
            Expression selector = subscript.slice() instanceof Tuple && !((Tuple) subscript.slice()).elts().isEmpty()
                    ? ((Tuple) subscript.slice()).elts().get(0) : subscript.slice();
            if (selector instanceof Name && !selectsColumns(subscript, selector)) {
                collect(selector, found);
            }
        } else if (expression instanceof Attribute) {
            if (model.qualifiedName(expression).isEmpty()) {
                collect(((Attribute) expression).value(), found);
            }
        } else if (expression instanceof Call) {
            collectCall((Call) expression, found);
        } else if (expression instanceof BinOp) {
            collect(((BinOp) expression).left(), found);
            collect(((BinOp) expression).right(), found);
        } else if (expression instanceof UnaryOp) {
            if (((UnaryOp) expression).op() != UnaryOpKind.Not) {
                collect(((UnaryOp) expression).operand(), found);
            }
        } else if (expression instanceof IfExp) {
            collect(((IfExp) expression).body(), found);
            collect(((IfExp) expression).orelse(), found);
        } else if (expression instanceof Tuple) {
            ((Tuple) expression).elts().forEach(e -> collect(e, found));
        } else if (expression instanceof dev.pitfall.ast.List) {
            ((dev.pitfall.ast.List) expression).elts().forEach(e -> collect(e, found));
        } else if (expression instanceof dev.pitfall.ast.Set) {
            ((dev.pitfall.ast.Set) expression).elts().forEach(e -> collect(e, found));
        } else if (expression instanceof Dict) {
            ((Dict) expression).values().forEach(e -> collect(e, found));
        } else if (expression instanceof Starred) {
            collect(((Starred) expression).value(), found);
        } else if (expression instanceof NamedExpr) {
            collect(((NamedExpr) expression).value(), found);
        } else if (expression instanceof ListComp || expression instanceof SetComp
                || expression instanceof GeneratorExp || expression instanceof DictComp) {
            collectComprehension(expression, found);
        }
        // Constants, comparisons, boolean tests, lambdas and f-strings carry no rows.
    }

    /**
     * A number (or None) holds no rows: {@code make_classification(n_samples=n_train + n_test)} has none of
     * the rows the name {@code n_test} suggests, and {@code X[:n_train]} none of {@code n_train}'s.
     */
    private static boolean holdsNoRows(ValueKind kind) {
        return kind.is(ValueKind.INT) || kind.is(ValueKind.FLOAT) || kind.is(ValueKind.BOOL)
                || kind.is(ValueKind.COMPLEX) || kind.is(ValueKind.NONE);
    }

    /**
     * {@code df[num_cols]} with {@code num_cols = full.select_dtypes("number").columns}: a
     * DataFrame subscripted by a plain subscript with labels (an Index, a list, a tuple or a
     * string) selects columns, so the rows the labels were computed from are not its rows.
     */
    private boolean selectsColumns(Subscript subscript, Expression selector) {
        if (subscript.slice() != selector || !model.kindOf(subscript.value()).isDataFrame()) {
            return false;
        }
        ValueKind labels = model.kindOf(selector);
        return labels.is(ValueKind.INDEX) || labels.is(ValueKind.LIST) || labels.is(ValueKind.TUPLE)
                || labels.is(ValueKind.STR);
    }

    private void collectComprehension(Expression comprehension, Set<Binding> found) {
        for (Node child : comprehension.children()) {
            if (child instanceof Expression) {
                collect((Expression) child, found);
            } else if (child instanceof Comprehension) {
                collect(((Comprehension) child).iter(), found);
            }
        }
    }

    private void collectCall(Call call, Set<Binding> found) {
        Statement function = model.calledFunction(call).orElse(null);
        if (function != null) {
            DataFlow.FunctionSummary summary = model.dataFlow().summary(function);
            for (int index : summary.returnedParameters()) {
                collect(DataFlow.argumentFor(call, summary.parameters(), index), found);
            }
            return;
        }
        String callee = model.calleeName(call).orElse(null);
        if (callee != null && ROWLESS_BUILTINS.contains(callee)) {
            return;
        }
        if (callee == null && call.func() instanceof Attribute) {
            Attribute method = (Attribute) call.func();
            boolean estimatorApplication = ESTIMATOR_APPLICATIONS.contains(method.attr())
                    || model.kindOf(method.value()).isEstimator();
            if (!estimatorApplication) {
                collect(method.value(), found);
            }
        }
        for (Expression argument : call.args()) {
            collect(argument, found);
        }
        for (Keyword keyword : call.keywords()) {
            if (keyword.arg() == null || !DerivationPolicy.OPTION_KEYWORDS.contains(keyword.arg())) {
                collect(keyword.value(), found);
            }
        }
    }
}
