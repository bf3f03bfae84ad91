package dev.pitfall.rules.python;

import dev.pitfall.ast.Assign;
import dev.pitfall.ast.AsyncFor;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Await;
import dev.pitfall.ast.BoolOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Dict;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expr;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.For;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.IfExp;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.NamedExpr;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.While;
import dev.pitfall.ast.Yield;
import dev.pitfall.ast.YieldFrom;
import dev.pitfall.lint.Dispatch;
import dev.pitfall.lint.Rule;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.lint.RuleInfo;
import dev.pitfall.lint.Severity;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.Scope;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PF102: a closure created in a loop that reads a variable the loop rebinds, and that can outlive
 * the iteration, so that it sees the variable's last value rather than the one it was made with.
 */
@RuleInfo(code = "PF102", name = "late-binding-closure",
        summary = "Closure created in a loop sees the loop variable's last value",
        severity = Severity.WARNING, tags = {"correctness", "python"}, precision = "high",
        explanation = """
                ## What it does
                Finds a `lambda` or nested `def` created inside a `for` or `while` loop or a \
                comprehension that reads a variable the loop rebinds (its target, or any variable \
                assigned in its body) and that can outlive the iteration: it is stored, appended, \
                made an element of a comprehension, yielded, or passed to something that keeps it \
                (hooks, threads, callbacks, executors).

                It stays silent when the closure cannot outlive the iteration: called at once, \
                only called in the same iteration, returned (which ends the loop), passed as \
                `key=` or to a consumer that runs it at once (`sorted`, `min`, `max`, `map`, \
                `filter`, `functools.reduce`, `re.sub`, pandas `apply`/`map`/`agg`/`transform`/`pipe`), \
                or when the value is bound by a default argument (`lambda i=i: ...`).

                ## Why it matters
                A closure reads its free variables when it runs, not when it is created. Every \
                closure made by the loop shares the one variable, so once the loop has moved on \
                they all see its last value: every hook writes under the last layer's name, every \
                callback saves the last fold.

                ## Example
                ```python
                rules = []
                for t in [0.3, 0.5, 0.7]:
                    rules.append(lambda p: p > t)
                [rule(0.6) for rule in rules]  # [False, False, False]: every rule uses 0.7
                ```

                ## Use instead
                ```python
                rules = []
                for t in [0.3, 0.5, 0.7]:
                    rules.append(lambda p, t=t: p > t)  # or functools.partial(operator.lt, t)
                ```
                """)
public final class LateBindingClosure implements Rule {
    /** Functions that run a callable argument to completion before they return. */
    private static final Set<String> SYNCHRONOUS_FUNCTIONS = Set.of("builtins.sorted",
            "builtins.min", "builtins.max", "builtins.map", "builtins.filter", "builtins.any",
            "builtins.all", "builtins.sum", "functools.reduce", "re.sub", "re.subn",
            "itertools.groupby", "itertools.takewhile", "itertools.dropwhile",
            "itertools.filterfalse", "itertools.starmap", "itertools.accumulate");
    /**
     * Methods that run a callable argument at once, on pandas objects, compiled regular
     * expressions, lists and torch modules; these names are not used for registration of callbacks.
     */
    private static final Set<String> SYNCHRONOUS_METHODS = Set.of("apply", "map", "applymap",
            "agg", "aggregate", "transform", "pipe", "assign", "where", "mask", "filter",
            "groupby", "sort", "sub", "subn", "sort_values", "sort_index", "rename");

    /** Functions that wrap a callable; harmless when the wrapper is called at once: np.vectorize(f)(x). */
    private static final Set<String> WRAPPERS = Set.of("numpy.vectorize", "functools.partial");

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Lambda.class, (lambda, context) -> check(lambda, lambda.body(), context));
        dispatch.on(FunctionDef.class, (def, context) -> check(def, def, context));
        dispatch.on(AsyncFunctionDef.class, (def, context) -> check(def, def, context));
    }

    private void check(Located closure, Node body, RuleContext context) {
        SemanticModel model = context.semantic();
        Scope creator = model.scopeContaining(closure);
        Node loop = innermostLoop(closure, creator, model);
        if (loop == null) {
            return;
        }
        Map<Symbol, Name> captured = capturedLoopVariables(closure, body, creator, model);
        if (captured.isEmpty() || !outlivesIteration(closure, loop, model)) {
            return;
        }
        boolean isLambda = closure instanceof Lambda;
        for (Map.Entry<Symbol, Name> entry : captured.entrySet()) {
            String variable = entry.getKey().name();
            String fix = isLambda ? "lambda ..., " + variable + "=" + variable + ": ..."
                    : "def " + functionName(closure) + "(..., " + variable + "=" + variable + ")";
            context.report(entry.getValue(), Severity.WARNING, String.format(
                    "\"%s\" is read when the %s runs, not when it is created: every %s made by "
                            + "this loop sees the last value of \"%s\". Bind the current value with a "
                            + "default argument (%s) or functools.partial",
                    variable, isLambda ? "lambda" : "function " + functionName(closure),
                    isLambda ? "lambda" : "function", variable, fix),
                    List.of(context.related(loopHeader(loop), "\"" + variable + "\" is rebound by this loop")));
        }
    }

    private static String functionName(Located closure) {
        return closure instanceof FunctionDef ? ((FunctionDef) closure).name()
                : ((AsyncFunctionDef) closure).name();
    }

    /** The innermost loop of the creating scope whose repeated part contains the closure. */
    private static Node innermostLoop(Node closure, Scope creator, SemanticModel model) {
        if (creator.kind() == Scope.Kind.COMPREHENSION) {
            return creator.node();
        }
        Node child = closure;
        for (Node current = model.parents().parentOf(closure); current != null && current != creator.node();
                child = current, current = model.parents().parentOf(current)) {
            if (current instanceof For && ((For) current).body().contains(child)
                    || current instanceof AsyncFor && ((AsyncFor) current).body().contains(child)
                    || current instanceof While && ((While) current).body().contains(child)) {
                return current;
            }
        }
        return null;
    }

    private static Located loopHeader(Node loop) {
        if (loop instanceof For) {
            return ((For) loop).target();
        }
        if (loop instanceof AsyncFor) {
            return ((AsyncFor) loop).target();
        }
        if (loop instanceof While) {
            return ((While) loop).test();
        }
        return (Located) loop;
    }

    /**
     * The variables of the creating scope that the closure reads (in its body, not in its
     * defaults or decorators) and that a loop around the closure rebinds, each with its first read.
     */
    private static Map<Symbol, Name> capturedLoopVariables(Located closure, Node body, Scope creator,
            SemanticModel model) {
        List<Node> loops = enclosingLoops(closure, creator, model);
        Map<Symbol, Name> captured = new LinkedHashMap<>();
        List<Node> readParts = new ArrayList<>();
        if (body instanceof FunctionDef) {
            readParts.addAll(((FunctionDef) body).body());
        } else if (body instanceof AsyncFunctionDef) {
            readParts.addAll(((AsyncFunctionDef) body).body());
        } else {
            readParts.add(body);
        }
        List<Name> reads = new ArrayList<>();
        for (Node part : readParts) {
            Nodes.walk(part, node -> {
                if (node instanceof Name && ((Name) node).ctx() == ExprContext.Load) {
                    reads.add((Name) node);
                }
            });
        }
        for (Name read : reads) {
            Symbol symbol = model.symbolOf(read);
            if (symbol == null || symbol.scope() != creator || captured.containsKey(symbol)) {
                continue;
            }
            if (reboundByLoops(symbol, loops, model)) {
                captured.put(symbol, read);
            }
        }
        return captured;
    }

    private static List<Node> enclosingLoops(Node closure, Scope creator, SemanticModel model) {
        List<Node> loops = new ArrayList<>();
        if (creator.kind() == Scope.Kind.COMPREHENSION) {
            loops.add(creator.node());
            return loops;
        }
        Node child = closure;
        for (Node current = model.parents().parentOf(closure); current != null && current != creator.node();
                child = current, current = model.parents().parentOf(current)) {
            if (current instanceof For && ((For) current).body().contains(child)
                    || current instanceof AsyncFor && ((AsyncFor) current).body().contains(child)
                    || current instanceof While && ((While) current).body().contains(child)) {
                loops.add(current);
            }
        }
        return loops;
    }

    private static boolean reboundByLoops(Symbol symbol, List<Node> loops, SemanticModel model) {
        for (Binding binding : symbol.bindings()) {
            if (binding.kind() == Binding.Kind.FUNCTION || binding.kind() == Binding.Kind.CLASS
                    || binding.kind() == Binding.Kind.IMPORT) {
                continue;
            }
            for (Node loop : loops) {
                if (loop == symbol.scope().node() || model.isWithin(binding.node(), loop)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the closure can still be called after the iteration that made it has ended. */
    private static boolean outlivesIteration(Located closure, Node loop, SemanticModel model) {
        if (closure instanceof Lambda) {
            return escapes((Expression) closure, loop, model);
        }
        List<dev.pitfall.ast.Expression> decorators = closure instanceof FunctionDef
                ? ((FunctionDef) closure).decorator_list() : ((AsyncFunctionDef) closure).decorator_list();
        if (!decorators.isEmpty()) {
            return true;
        }
        return referencesEscape(model.bindingsMadeBy(closure), loop, model);
    }

    /** True when a reference, within the loop, to a name bound to the closure lets it escape. */
    private static boolean referencesEscape(List<Binding> bindings, Node loop, SemanticModel model) {
        for (Binding binding : bindings) {
            for (Name use : usesInLoop(binding, loop, model)) {
                if (escapes(use, loop, model)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Name> usesInLoop(Binding binding, Node loop, SemanticModel model) {
        List<Name> uses = new ArrayList<>();
        Nodes.walk(loop, node -> {
            if (node instanceof Name && ((Name) node).ctx() == ExprContext.Load
                    && ((Name) node).id().equals(binding.name())
                    && model.reachingDefinitions((Name) node).contains(binding)) {
                uses.add((Name) node);
            }
        });
        return uses;
    }

    /** Where a value holding the closure goes next, decided by the expression around it. */
    private static boolean escapes(Expression value, Node loop, SemanticModel model) {
        Node parent = model.parents().parentOf(value);
        if (parent instanceof Call) {
            Call call = (Call) parent;
            if (call.func() == value) {
                return false;
            }
            return !synchronousConsumer(call, model);
        }
        if (parent instanceof Keyword) {
            Keyword keyword = (Keyword) parent;
            Call call = (Call) model.parents().parentOf(keyword);
            return !"key".equals(keyword.arg()) && !synchronousConsumer(call, model);
        }
        if (parent instanceof Return || parent instanceof Expr || parent instanceof Await) {
            return false;
        }
        if (parent instanceof Yield || parent instanceof YieldFrom || parent instanceof NamedExpr) {
            return true;
        }
        if (parent instanceof ListComp || parent instanceof SetComp || parent instanceof GeneratorExp
                || parent instanceof DictComp) {
            return true;
        }
        if (parent instanceof dev.pitfall.ast.List || parent instanceof Tuple || parent instanceof dev.pitfall.ast.Set
                || parent instanceof Dict || parent instanceof IfExp || parent instanceof BoolOp
                || parent instanceof Starred) {
            return escapes((Expression) parent, loop, model);
        }
        if (parent instanceof Assign) {
            Assign assign = (Assign) parent;
            for (Expression target : assign.targets()) {
                if (!(target instanceof Name)) {
                    return true;
                }
            }
            List<Binding> bindings = new ArrayList<>();
            for (Expression target : assign.targets()) {
                Binding binding = model.bindingOf((Name) target);
                if (binding != null) {
                    bindings.add(binding);
                }
            }
            return referencesEscape(bindings, loop, model);
        }
        return parent instanceof Statement && !(parent instanceof Expr);
    }

    private static boolean synchronousConsumer(Call call, SemanticModel model) {
        Node outer = model.parents().parentOf(call);
        boolean calledAtOnce = outer instanceof Call && ((Call) outer).func() == call;
        String callee = model.calleeName(call).orElse(null);
        if (callee != null) {
            return SYNCHRONOUS_FUNCTIONS.contains(callee) || calledAtOnce && WRAPPERS.contains(callee);
        }
        if (call.func() instanceof dev.pitfall.ast.Attribute) {
            return SYNCHRONOUS_METHODS.contains(((dev.pitfall.ast.Attribute) call.func()).attr());
        }
        return false;
    }
}
