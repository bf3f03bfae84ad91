package dev.pitfall.semantic;

import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.ClassDef;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.Yield;
import dev.pitfall.ast.YieldFrom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which values derive from which, within a file: a binding derives from the bindings read to
 * compute its value (assignment, unpacking, augmented assignment, loop targets from their
 * iterable), through operators, subscripts, attributes and calls as the {@link DerivationPolicy}
 * says, and through calls of functions defined in the same file by one-level summaries (which
 * parameters the function's return value derives from).
 *
 * <p>What it does not model: that a method call may change its receiver ({@code scaler.fit(X)}
 * makes {@code scaler} depend on {@code X}); rules that need it look at such calls themselves.
 */
public final class DataFlow {
    private final SemanticModel model;
    private final DerivationPolicy policy;
    private final Map<Binding, Set<Binding>> directInputs = new IdentityHashMap<>();
    private final Map<Statement, FunctionSummary> summaries = new IdentityHashMap<>();
    private final Set<Statement> summarising = Collections.newSetFromMap(new IdentityHashMap<>());

    DataFlow(SemanticModel model, DerivationPolicy policy) {
        this.model = model;
        this.policy = policy;
    }

    /**
     * A function's one-level summary: the indexes (into {@link SemanticModel#parametersOf}) of the
     * parameters its returned or yielded values derive from.
     */
    public record FunctionSummary(Statement function, List<Binding> parameters,
            Set<Integer> returnedParameters) {
    }

    /** The bindings an expression's value is computed from directly (one step). */
    public Set<Binding> inputs(Expression expression) {
        Set<Binding> found = new LinkedHashSet<>();
        collectInputs(expression, found);
        return found;
    }

    /** The bindings a binding's value is computed from directly (one step). */
    public Set<Binding> inputs(Binding binding) {
        Set<Binding> known = directInputs.get(binding);
        if (known == null) {
            known = Collections.unmodifiableSet(computeInputs(binding));
            directInputs.put(binding, known);
        }
        return known;
    }

    /** Every binding the value of {@code expression} derives from, transitively. */
    public Set<Binding> derivesFrom(Expression expression) {
        return closure(inputs(expression));
    }

    /** Every binding the value of {@code binding} derives from, transitively (itself excluded). */
    public Set<Binding> derivesFrom(Binding binding) {
        return closure(inputs(binding));
    }

    /** True when the value of {@code expression} derives from {@code source}, directly or not. */
    public boolean derivesFrom(Expression expression, Binding source) {
        return derivesFrom(expression).contains(source);
    }

    private Set<Binding> closure(Set<Binding> start) {
        return closure(start, this::inputs);
    }

    /**
     * {@code start} and every binding reachable from it by {@code step}, in discovery order;
     * RowLineage walks the same way with its own, narrower step.
     */
    static Set<Binding> closure(Set<Binding> start, Function<Binding, Set<Binding>> step) {
        Set<Binding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Binding> work = new ArrayDeque<>(start);
        Set<Binding> ordered = new LinkedHashSet<>();
        while (!work.isEmpty()) {
            Binding next = work.pop();
            if (seen.add(next)) {
                ordered.add(next);
                work.addAll(step.apply(next));
            }
        }
        return ordered;
    }

    private Set<Binding> computeInputs(Binding binding) {
        Set<Binding> found = new LinkedHashSet<>();
        switch (binding.kind()) {
            case ASSIGNMENT, NAMED_EXPRESSION, ANNOTATED_ASSIGNMENT, WITH_TARGET -> {
                collectInputs(unpackedPart(model, binding.value(), binding.unpackPath()), found);
                for (Expression added : model.valuesAddedTo(binding)) {
                    collectInputs(added, found);
                }
            }
            case FOR_TARGET, COMPREHENSION_TARGET -> collectInputs(binding.value(), found);
            case AUGMENTED_ASSIGNMENT -> {
                Statement statement = (Statement) binding.owner();
                found.addAll(model.reachingBefore(statement, binding.symbol()));
                collectInputs(((AugAssign) statement).value(), found);
            }
            default -> {
                // Parameters, imports, definitions: no data flows in from this scope.
            }
        }
        return found;
    }

    /**
     * The part of an assigned value one target receives: the element of a literal tuple or
     * list, the matching input of {@code train_test_split}, else the whole value. RowLineage
     * follows an unpacked target the same way.
     */
    public static Expression unpackedPart(SemanticModel model, Expression value, List<Integer> path) {
        Expression current = value;
        for (int i = 0; i < path.size() && current != null; i++) {
            int index = path.get(i);
            if (index < 0) {
                return current;
            }
            List<Expression> elements = current instanceof Tuple ? ((Tuple) current).elts()
                    : current instanceof dev.pitfall.ast.List ? ((dev.pitfall.ast.List) current).elts() : null;
            if (elements != null && index < elements.size()
                    && !Nodes.hasStarred(elements)) {
                current = elements.get(index);
            } else if (current instanceof Call && i == path.size() - 1
                    && model.isCallTo((Call) current, "sklearn.model_selection.train_test_split")
                    && index / 2 < ((Call) current).args().size()) {
                return ((Call) current).args().get(index / 2);
            } else {
                return current;
            }
        }
        return current;
    }

    private void collectInputs(Expression expression, Set<Binding> found) {
        if (expression == null || expression instanceof Constant || expression instanceof Lambda) {
            return;
        }
        if (expression instanceof Name) {
            found.addAll(model.reachingDefinitions((Name) expression));
            return;
        }
        if (expression instanceof Call) {
            callInputs((Call) expression, found);
            return;
        }
        if (expression instanceof BinOp) {
            // Long chains (a + b + c ...) nest to the left: walk that spine without recursion.
            Expression left = expression;
            while (left instanceof BinOp) {
                collectInputs(((BinOp) left).right(), found);
                left = ((BinOp) left).left();
            }
            collectInputs(left, found);
            return;
        }
        for (Node child : expression.children()) {
            if (child instanceof Expression) {
                collectInputs((Expression) child, found);
            } else {
                // comprehension generators and keywords hold expressions one level down
                for (Node grandChild : child.children()) {
                    if (grandChild instanceof Expression) {
                        collectInputs((Expression) grandChild, found);
                    }
                }
            }
        }
    }

    private void callInputs(Call call, Set<Binding> found) {
        Statement function = model.calledFunction(call).orElse(null);
        if (function != null && !summarising.contains(function)) {
            FunctionSummary summary = summary(function);
            for (int index : summary.returnedParameters()) {
                Expression argument = argumentFor(call, summary.parameters(), index);
                collectInputs(argument, found);
            }
            return;
        }
        for (Expression input : policy.inputs(call, model)) {
            collectInputs(input, found);
        }
    }

    /** The argument a call passes for a parameter, by position or keyword; null when none. */
    public static Expression argumentFor(Call call, List<Binding> parameters, int index) {
        String name = parameters.get(index).name();
        for (Keyword keyword : call.keywords()) {
            if (name.equals(keyword.arg())) {
                return keyword.value();
            }
        }
        if (index < call.args().size() && !Nodes.hasStarred(call.args())) {
            return call.args().get(index);
        }
        return null;
    }

    /** The one-level summary of a function defined in this file (computed once). */
    public FunctionSummary summary(Statement function) {
        FunctionSummary known = summaries.get(function);
        if (known != null) {
            return known;
        }
        summarising.add(function);
        List<Binding> parameters = model.parametersOf(function);
        Set<Integer> returned = new LinkedHashSet<>();
        List<Statement> body = function instanceof FunctionDef ? ((FunctionDef) function).body()
                : ((AsyncFunctionDef) function).body();
        for (Node result : ownReturnsAndYields(body)) {
            Expression value = result instanceof Return ? ((Return) result).value()
                    : result instanceof Yield ? ((Yield) result).value() : null;
            if (value == null) {
                continue;
            }
            Set<Binding> origins = derivesFrom(value);
            for (int i = 0; i < parameters.size(); i++) {
                if (origins.contains(parameters.get(i))) {
                    returned.add(i);
                }
            }
        }
        summarising.remove(function);
        FunctionSummary summary = new FunctionSummary(function, parameters, Collections.unmodifiableSet(returned));
        summaries.put(function, summary);
        return summary;
    }

    /**
     * The returns, yields and yield-froms of a function body, in source order, not those of the
     * functions, lambdas and classes nested in it: what a summary here and a return kind in
     * {@link KindInference} are made from. Walked with a {@link NodeStack}, which builds no list
     * of children per node.
     */
    static List<Node> ownReturnsAndYields(List<Statement> body) {
        List<Node> found = new ArrayList<>();
        NodeStack pending = new NodeStack();
        pending.pushAll(body);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof FunctionDef || node instanceof AsyncFunctionDef || node instanceof Lambda
                    || node instanceof ClassDef) {
                continue;
            }
            if (node instanceof Return || node instanceof Yield || node instanceof YieldFrom) {
                found.add(node);
            }
            node.pushChildren(pending);
        }
        return found;
    }
}
