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
import dev.pitfall.ast.ParentMap;
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
import dev.pitfall.rules.NodeLists;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.Scope;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.Symbol;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
            "itertools.filterfalse", "itertools.starmap", "itertools.accumulate",
            "pytest.raises", "pytest.warns", "timeit.timeit", "timeit.repeat",
            "numpy.apply_along_axis", "numpy.apply_over_axes", "numpy.piecewise", "numpy.fromfunction",
            "scipy.optimize.minimize", "scipy.optimize.minimize_scalar", "scipy.optimize.root",
            "scipy.optimize.root_scalar", "scipy.optimize.brentq", "scipy.optimize.bisect",
            "scipy.optimize.newton", "scipy.optimize.fsolve", "scipy.optimize.curve_fit",
            "scipy.optimize.least_squares", "scipy.optimize.differential_evolution",
            "scipy.optimize.basinhopping", "scipy.optimize.dual_annealing", "scipy.optimize.shgo",
            "scipy.integrate.quad", "scipy.integrate.dblquad", "scipy.integrate.solve_ivp",
            "scipy.integrate.odeint", "heapq.nsmallest", "heapq.nlargest");
    /**
     * Methods that run a callable argument at once, on pandas objects, compiled regular
     * expressions, lists and torch modules; these names are not used for registration of callbacks.
     */
    private static final Set<String> SYNCHRONOUS_METHODS = Set.of("apply", "map", "applymap",
            "agg", "aggregate", "transform", "pipe", "assign", "where", "mask", "filter",
            "groupby", "sort", "sub", "subn", "sort_values", "sort_index", "rename",
            "assertRaises", "assertRaisesRegex", "assertWarns", "assertWarnsRegex",
            // torch optimisers call the closure of step(closure) before returning (LBFGS)
            "step",
            // torch tensors' in-place element-wise application
            "apply_", "map_", "map2_",
            // training and scoring calls run the callbacks given to them before returning
            "fit", "fit_generator", "fit_transform", "fit_predict", "evaluate", "predict");
    /** Classes whose instances run a callable given to them by themselves (threads, timers, processes). */
    private static final Set<String> RUN_ON_THEIR_OWN = Set.of("threading.Thread", "threading.Timer",
            "multiprocessing.Process", "multiprocessing.context.Process", "torch.multiprocessing.Process");
    /** GUI toolkits, whose widgets register their callbacks with the parent widget when made. */
    private static final List<String> SELF_ATTACHING_PREFIXES = List.of("tkinter.", "PyQt5.", "PyQt6.",
            "PySide2.", "PySide6.", "wx.", "ipywidgets.");
    /** How deep to follow a closure passed to a function of the same file that passes it on. */
    private static final int MAX_HELPER_DEPTH = 2;

    /**
     * Functions that wrap a callable: the closure escapes exactly when the wrapper does
     * ({@code np.vectorize(f)(x)} and {@code key=cmp_to_key(f)} do not, {@code hooks.append(partial(f, a))} does).
     */
    private static final Set<String> WRAPPERS = Set.of("numpy.vectorize", "numpy.frompyfunc",
            "functools.partial", "functools.cmp_to_key", "functools.wraps", "functools.lru_cache",
            "functools.cache");

    private final Map<Node, ParentMap> parentsByRegion = new IdentityHashMap<>();

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(Lambda.class, (lambda, context) -> check(lambda, lambda.body(), context));
        dispatch.on(FunctionDef.class, (def, context) -> check(def, def, context));
        dispatch.on(AsyncFunctionDef.class, (def, context) -> check(def, def, context));
    }

    private void check(Located closure, Node body, RuleContext context) {
        SemanticModel model = context.semantic();
        Scope creator = model.scopeContaining(closure);
        // Most closures are not made in a loop: find that out from the linter's path to the
        // closure, without the parent map of the whole file.
        List<Node> loops = enclosingLoops(closure, creator, ancestorsOnPath(closure, creator, context));
        if (loops.isEmpty()) {
            return;
        }
        List<Name> reads = readsInBody(body);
        Map<Symbol, Name> captured = new LinkedHashMap<>();
        Node reportedLoop = null;
        // Level by level: the scope that creates the closure, then, as long as the closure flows out
        // of a comprehension (as one of its elements), the scope around that comprehension.
        Located holder = closure;
        while (true) {
            if (holder != closure) {
                loops = enclosingLoops(holder, creator, ancestorsOnPath(holder, creator, context));
            }
            if (loops.isEmpty()) {
                break;
            }
            boolean outlives = holder == closure ? outlivesIteration(closure, loops.get(0), model)
                    : escapes((Expression) holder, loops.get(0), model, 0);
            if (!outlives) {
                break;
            }
            for (Name read : reads) {
                Symbol symbol = model.symbolOf(read);
                if (symbol != null && symbol.scope() == creator && !captured.containsKey(symbol)
                        && reboundByLoops(symbol, loops)) {
                    captured.put(symbol, read);
                    if (reportedLoop == null) {
                        reportedLoop = loops.get(0);
                    }
                }
            }
            if (creator.kind() != Scope.Kind.COMPREHENSION) {
                break;
            }
            holder = (Located) creator.node();
            creator = model.scopeContaining(holder);
        }
        if (captured.isEmpty()) {
            return;
        }
        Name first = captured.values().stream().min((a, b) -> a.lineno() != b.lineno()
                ? Integer.compare(a.lineno(), b.lineno()) : Integer.compare(a.col_offset(), b.col_offset())).orElseThrow();
        List<String> names = captured.keySet().stream().map(Symbol::name).toList();
        boolean isLambda = closure instanceof Lambda;
        String what = isLambda ? "lambda" : "function " + functionName(closure);
        String bound = String.join(", ", names.stream().map(n -> n + "=" + n).toList());
        String fix = isLambda ? "lambda ..., " + bound + ": ..." : "def " + functionName(closure) + "(..., " + bound + ")";
        String quoted = quotedList(names);
        String message = names.size() == 1
                ? String.format("%s is read when the %s runs, not when it is created: every %s made by this "
                        + "loop sees the last value of %s. Bind the current value with a default argument (%s) "
                        + "or functools.partial", quoted, what, isLambda ? "lambda" : "function", quoted, fix)
                : String.format("%s are read when the %s runs, not when it is created: every %s made by this "
                        + "loop sees their last values. Bind the current values with default arguments (%s) "
                        + "or functools.partial", quoted, what, isLambda ? "lambda" : "function", fix);
        context.report(first, Severity.WARNING, message, List.of(context.related(loopHeader(reportedLoop),
                quoted + (names.size() == 1 ? " is" : " are") + " rebound by this loop")));
    }

    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String functionName(Located closure) {
        return closure instanceof FunctionDef ? ((FunctionDef) closure).name()
                : ((AsyncFunctionDef) closure).name();
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

    /** The names the closure reads when it runs: its body, not its defaults or decorators. */
    private static List<Name> readsInBody(Node body) {
        List<Node> parts = new ArrayList<>();
        if (body instanceof FunctionDef) {
            parts.addAll(((FunctionDef) body).body());
        } else if (body instanceof AsyncFunctionDef) {
            parts.addAll(((AsyncFunctionDef) body).body());
        } else {
            parts.add(body);
        }
        List<Name> reads = new ArrayList<>();
        for (Node part : parts) {
            Nodes.walk(part, node -> {
                if (node instanceof Name && ((Name) node).ctx() == ExprContext.Load) {
                    reads.add((Name) node);
                }
            });
        }
        return reads;
    }

    /**
     * The loops of the creating scope whose repeated part contains {@code node}, innermost first;
     * for a comprehension scope, the comprehension itself. {@code ancestors} are those of
     * {@code node} below the creating scope's node, nearest first.
     */
    private static List<Node> enclosingLoops(Node node, Scope creator, List<Node> ancestors) {
        List<Node> loops = new ArrayList<>();
        if (creator.kind() == Scope.Kind.COMPREHENSION) {
            loops.add(creator.node());
            return loops;
        }
        Node child = node;
        for (Node current : ancestors) {
            if (current instanceof For && NodeLists.contains(((For) current).body(), child)
                    || current instanceof AsyncFor && NodeLists.contains(((AsyncFor) current).body(), child)
                    || current instanceof While && NodeLists.contains(((While) current).body(), child)) {
                loops.add(current);
            }
            child = current;
        }
        return loops;
    }

    /**
     * The ancestors of {@code node} (the node being visited or a comprehension around it) below
     * the creating scope's node, nearest first, from the linter's path.
     */
    private static List<Node> ancestorsOnPath(Node node, Scope creator, RuleContext context) {
        List<Node> ancestors = new ArrayList<>();
        if (creator.kind() == Scope.Kind.COMPREHENSION) {
            return ancestors;
        }
        int generations = 0;
        for (Node current = context.ancestor(0); current != node; current = context.ancestor(++generations)) {
            if (current == null) {
                throw new IllegalStateException("not on the path to the node being visited");
            }
        }
        for (generations++; ; generations++) {
            Node ancestor = context.ancestor(generations);
            if (ancestor == null || ancestor == creator.node()) {
                return ancestors;
            }
            ancestors.add(ancestor);
        }
    }

    private boolean reboundByLoops(Symbol symbol, List<Node> loops) {
        for (Binding binding : symbol.bindings()) {
            if (binding.kind() == Binding.Kind.FUNCTION || binding.kind() == Binding.Kind.CLASS
                    || binding.kind() == Binding.Kind.IMPORT) {
                continue;
            }
            for (Node loop : loops) {
                if (loop == symbol.scope().node() || binding.node() == loop
                        || parentsWithin(loop).parentOf(binding.node()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the closure can still be called after the iteration that made it has ended. */
    private boolean outlivesIteration(Located closure, Node loop, SemanticModel model) {
        if (closure instanceof Lambda) {
            return escapes((Expression) closure, loop, model, 0);
        }
        List<dev.pitfall.ast.Expression> decorators = closure instanceof FunctionDef
                ? ((FunctionDef) closure).decorator_list() : ((AsyncFunctionDef) closure).decorator_list();
        List<Binding> bindings = model.bindingsMadeBy(closure);
        if (!decorators.isEmpty()) {
            // A decorator may register the function (@app.route); if the loop only calls it, it cannot.
            List<Name> uses = new ArrayList<>();
            for (Binding binding : bindings) {
                uses.addAll(usesInLoop(binding, loop, model));
            }
            ParentMap parents = parentsWithin(loop);
            if (uses.isEmpty()) {
                return true;
            }
            for (Name use : uses) {
                if (!isCalled(use, parents)) {
                    return true;
                }
            }
            return false;
        }
        return referencesEscape(bindings, loop, model, 0);
    }

    private static boolean isCalled(Name use, ParentMap parents) {
        Node parent = parents.parentOf(use);
        return parent instanceof Call && ((Call) parent).func() == use;
    }

    /** True when a reference, within the loop, to a name bound to the closure lets it escape. */
    private boolean referencesEscape(List<Binding> bindings, Node loop, SemanticModel model, int depth) {
        for (Binding binding : bindings) {
            for (Name use : usesInLoop(binding, loop, model)) {
                if (escapes(use, loop, model, depth)) {
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

    /**
     * The parent links of a loop or helper function, built once per region: whether a closure
     * escapes is decided by the expressions around values inside the region, whose parents all
     * lie inside it (a climb stops at a statement of the region or at the region itself), and the
     * region alone is cheaper to link than the whole file.
     */
    private ParentMap parentsWithin(Node region) {
        ParentMap parents = parentsByRegion.get(region);
        if (parents == null) {
            parents = new ParentMap(region);
            parentsByRegion.put(region, parents);
        }
        return parents;
    }

    /**
     * Where a value holding the closure goes next, decided by the expression around it.
     * {@code region} is the loop (or, in a helper function, that function's body) within which
     * names holding the closure are followed.
     */
    private boolean escapes(Expression value, Node region, SemanticModel model, int depth) {
        ParentMap parents = parentsWithin(region);
        Node parent = parents.parentOf(value);
        if (parent instanceof Call) {
            Call call = (Call) parent;
            if (call.func() == value) {
                return false;
            }
            if (model.calleeName(call).map(WRAPPERS::contains).orElse(false)) {
                return escapes(call, region, model, depth);
            }
            if (synchronousConsumer(call, model) || helperOnlyCalls(call, value, null, model, depth)) {
                return false;
            }
            return !heldByNewObject(call, parents, model) || escapes(call, region, model, depth);
        }
        if (parent instanceof Keyword) {
            Keyword keyword = (Keyword) parent;
            Node owner = parents.parentOf(keyword);
            if (!(owner instanceof Call)) {
                return false; // a class keyword such as metaclass=: called once, when the class is made
            }
            Call call = (Call) owner;
            if ("key".equals(keyword.arg()) || synchronousConsumer(call, model)
                    || helperOnlyCalls(call, value, keyword.arg(), model, depth)) {
                return false;
            }
            return !heldByNewObject(call, parents, model) || escapes(call, region, model, depth);
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
            return escapes((Expression) parent, region, model, depth);
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
            return referencesEscape(bindings, region, model, depth);
        }
        return parent instanceof Statement && !(parent instanceof Expr);
    }

    /**
     * True when the call makes a new object that keeps the closure and does nothing else with it
     * yet: a class called by its CapWords name ({@code LambdaCallback(on_epoch_end=...)},
     * {@code LambdaLR(opt, lr_lambda=...)}), whose value is assigned to names or put in a display.
     * The closure then lives exactly as long as that object, which is followed instead. Threads,
     * processes and timers run the closure on their own, and GUI widgets attach themselves to
     * their parent widget, so those keep the closure whatever happens to the object.
     */
    private static boolean heldByNewObject(Call call, ParentMap parents, SemanticModel model) {
        String simpleName = call.func() instanceof Name ? ((Name) call.func()).id()
                : call.func() instanceof dev.pitfall.ast.Attribute ? ((dev.pitfall.ast.Attribute) call.func()).attr()
                : null;
        if (simpleName == null || simpleName.isEmpty() || !Character.isUpperCase(simpleName.charAt(0))
                || simpleName.equals(simpleName.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        String callee = model.calleeName(call).orElse("");
        if (RUN_ON_THEIR_OWN.contains(callee)
                || SELF_ATTACHING_PREFIXES.stream().anyMatch(callee::startsWith)) {
            return false;
        }
        Node parent = parents.parentOf(call);
        return parent instanceof Assign || parent instanceof dev.pitfall.ast.List || parent instanceof Tuple
                || parent instanceof Dict;
    }

    /**
     * True when the call is to a function of this file that does not let the argument escape
     * (it only calls it, or hands it to synchronous consumers): {@code check(x, lambda d: d % m == 0)}.
     */
    private boolean helperOnlyCalls(Call call, Expression argument, String keyword,
            SemanticModel model, int depth) {
        if (depth >= MAX_HELPER_DEPTH) {
            return false;
        }
        Node helper = model.calledFunction(call).map(Node.class::cast).orElseGet(() -> calledLambda(call, model));
        if (helper == null) {
            return false;
        }
        List<Binding> parameters = model.parametersOf(helper);
        Binding parameter = null;
        if (keyword != null) {
            for (Binding candidate : parameters) {
                if (candidate.name().equals(keyword)) {
                    parameter = candidate;
                }
            }
        } else {
            int index = NodeLists.indexOf(call.args(), argument);
            boolean starredBefore = Nodes.hasStarred(call.args().subList(0, Math.max(0, index)));
            List<Binding> positional = new ArrayList<>();
            for (Binding candidate : parameters) {
                Node arg = candidate.node();
                if (!(arg instanceof dev.pitfall.ast.Arg) || isStarParameter(helper, (dev.pitfall.ast.Arg) arg)) {
                    break;
                }
                positional.add(candidate);
            }
            if (index >= 0 && !starredBefore && index < positional.size()) {
                parameter = positional.get(index);
            }
        }
        if (parameter == null) {
            return false;
        }
        List<Name> uses = usesInLoop(parameter, helper, model);
        for (Name use : uses) {
            if (escapes(use, helper, model, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The lambda a call calls when its callee is a name every reaching definition binds to it. */
    private static Lambda calledLambda(Call call, SemanticModel model) {
        if (!(call.func() instanceof Name)) {
            return null;
        }
        Lambda found = null;
        for (Binding binding : model.reachingDefinitions((Name) call.func())) {
            if (binding.kind() != Binding.Kind.ASSIGNMENT || !binding.unpackPath().isEmpty()
                    || !(binding.value() instanceof Lambda) || found != null && found != binding.value()) {
                return null;
            }
            found = (Lambda) binding.value();
        }
        return found;
    }

    /** True for *args, keyword-only parameters and **kwargs: not filled by position. */
    private static boolean isStarParameter(Node helper, dev.pitfall.ast.Arg arg) {
        dev.pitfall.ast.Arguments args = helper instanceof FunctionDef ? ((FunctionDef) helper).args()
                : helper instanceof AsyncFunctionDef ? ((AsyncFunctionDef) helper).args()
                : ((Lambda) helper).args();
        return arg == args.vararg() || arg == args.kwarg() || args.kwonlyargs().contains(arg);
    }

    private static boolean synchronousConsumer(Call call, SemanticModel model) {
        String callee = model.calleeName(call).orElse(null);
        if (callee != null) {
            return SYNCHRONOUS_FUNCTIONS.contains(callee);
        }
        if (call.func() instanceof dev.pitfall.ast.Attribute) {
            return SYNCHRONOUS_METHODS.contains(((dev.pitfall.ast.Attribute) call.func()).attr());
        }
        return false;
    }
}
