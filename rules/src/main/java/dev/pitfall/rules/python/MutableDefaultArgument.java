package dev.pitfall.rules.python;

import dev.pitfall.ast.Assign;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.ParentMap;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
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
import dev.pitfall.semantic.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PF101: a parameter default that is a mutable object, created once and shared by every call. */
@RuleInfo(code = "PF101", name = "mutable-default-argument",
        summary = "Mutable default argument is shared between calls",
        severity = Severity.ERROR, tags = {"correctness", "python"}, precision = "very-high",
        explanation = """
                ## What it does
                Finds parameter defaults that are mutable objects: list, dict and set displays and \
                comprehensions, `list()`, `dict()`, `set()`, `bytearray()`, `collections` containers, \
                numpy arrays, pandas DataFrames and Series, torch tensors, and module-level names \
                bound to one of those. It checks `def`, `async def` and `lambda`, and positional, \
                positional-only and keyword-only parameters.

                ## Why it matters
                Python evaluates a default once, when the function is defined. Every call that \
                relies on the default gets the same object, so whatever one call appends, fills \
                or stores is still there in the next call. The finding is an error when the \
                function mutates, stores or returns the default (the bug is live) and a warning \
                otherwise (safe today, one edit away from the bug).

                ## Example
                ```python
                def collect(batch, seen=[]):
                    seen.append(batch)
                    return seen

                collect(1)  # [1]
                collect(2)  # [1, 2]: the list from the first call
                ```

                ## Use instead
                ```python
                def collect(batch, seen=None):
                    if seen is None:
                        seen = []
                    seen.append(batch)
                    return seen
                ```
                A tuple or `frozenset` works when the default only needs to be read.
                """)
public final class MutableDefaultArgument implements Rule {
    private static final Map<String, String> MUTABLE_KINDS = Map.ofEntries(
            Map.entry(ValueKind.LIST.type(), "a list"),
            Map.entry(ValueKind.DICT.type(), "a dict"),
            Map.entry(ValueKind.SET.type(), "a set"),
            Map.entry(ValueKind.BYTEARRAY.type(), "a bytearray"),
            Map.entry("collections.deque", "a deque"),
            Map.entry("collections.defaultdict", "a defaultdict"),
            Map.entry("collections.OrderedDict", "an OrderedDict"),
            Map.entry("collections.Counter", "a Counter"),
            Map.entry("collections.ChainMap", "a ChainMap"),
            Map.entry("collections.UserDict", "a UserDict"),
            Map.entry("collections.UserList", "a UserList"),
            Map.entry(ValueKind.NDARRAY.type(), "a numpy array"),
            Map.entry(ValueKind.DATAFRAME.type(), "a DataFrame"),
            Map.entry(ValueKind.SERIES.type(), "a Series"),
            Map.entry(ValueKind.TENSOR.type(), "a tensor"));

    /** Methods that change their receiver, on Python containers, numpy, pandas and torch. */
    private static final Set<String> MUTATING_METHODS = Set.of("append", "extend", "insert", "remove",
            "pop", "clear", "sort", "reverse", "update", "setdefault", "popitem", "add", "discard",
            "difference_update", "intersection_update", "symmetric_difference_update",
            "appendleft", "extendleft", "popleft", "rotate", "fill", "resize", "put", "itemset",
            "__setitem__", "__delitem__", "__iadd__", "move_to_end", "subtract");
    private static final Set<String> INDEXERS = Set.of("loc", "iloc", "at", "iat");

    @Override
    public void register(Dispatch dispatch) {
        dispatch.on(FunctionDef.class, (def, context) -> check(def, context));
        dispatch.on(AsyncFunctionDef.class, (def, context) -> check(def, context));
        dispatch.on(Lambda.class, (lambda, context) -> check(lambda, context));
    }

    /** How a finding names the default: "a list", "the module-level list DEFAULTS,"; and the bare noun. */
    private record Description(String phrase, String noun) {
    }

    private void check(Node function, RuleContext context) {
        SemanticModel model = context.semantic();
        for (Binding parameter : model.parametersOf(function)) {
            Expression defaultValue = parameter.value();
            if (defaultValue == null) {
                continue;
            }
            Description what = describe(defaultValue, model);
            if (what == null) {
                continue;
            }
            Danger danger = firstDanger(parameter, function, model, defaultValue instanceof Tuple);
            String name = parameter.name();
            if (danger != null) {
                context.report(defaultValue, Severity.ERROR, String.format(
                        "Default value of \"%s\" is %s shared by every call; it is %s here (%s). "
                                + "Use None and create the %s inside the function",
                        name, what.phrase(), danger.verb(), context.lineLabel(danger.at()), what.noun()),
                        List.of(context.related(danger.at(), "the shared default is " + danger.verb() + " here")));
            } else {
                context.report(defaultValue, Severity.WARNING, String.format(
                        "Default value of \"%s\" is %s shared by every call; nothing changes it yet, "
                                + "but any in-place change would leak into later calls. "
                                + "Use None (or an immutable value) and create the %s inside the function",
                        name, what.phrase(), what.noun()));
            }
        }
    }

    /** Null when the default is immutable or not known to be mutable. */
    private static Description describe(Expression value, SemanticModel model) {
        if (value instanceof Tuple) {
            for (Expression element : ((Tuple) value).elts()) {
                Description inner = element instanceof Name ? null : describe(element, model);
                if (inner != null) {
                    return new Description("a tuple holding " + inner.phrase(), inner.noun());
                }
            }
            return null;
        }
        String described = MUTABLE_KINDS.get(model.kindOf(value).type());
        if (described == null) {
            return null;
        }
        String noun = described.substring(described.indexOf(' ') + 1);
        if (!(value instanceof Name)) {
            return new Description(described, noun);
        }
        Set<Binding> definitions = model.reachingDefinitions((Name) value);
        boolean shared = !definitions.isEmpty() && definitions.stream().allMatch(binding ->
                binding.symbol().scope().kind() == Scope.Kind.MODULE
                        || binding.symbol().scope().kind() == Scope.Kind.CLASS);
        if (!shared) {
            return null;
        }
        String level = definitions.iterator().next().symbol().scope().kind() == Scope.Kind.MODULE
                ? "module-level" : "class-level";
        return new Description("the " + level + " " + noun + " " + ((Name) value).id() + ",", noun);
    }

    /** Where and how the shared default is put at risk. */
    private record Danger(Located at, String verb) {
    }

    /**
     * The first use of the parameter, still holding its default, that mutates, stores or returns
     * it; null when it is only read or rebound first (the copy idiom {@code x = list(x)}).
     * For a tuple default only changes to its elements count.
     */
    private static Danger firstDanger(Binding parameter, Node function, SemanticModel model,
            boolean tupleDefault) {
        // The parents of the function's own nodes are all the checks below ask for: linking the
        // function alone is cheaper than the parent map of the whole file.
        ParentMap parents = new ParentMap(function);
        List<Name> uses = new ArrayList<>();
        Nodes.walk(function, node -> {
            if (node instanceof Name && ((Name) node).id().equals(parameter.name())
                    && model.symbolOf((Name) node) == parameter.symbol()
                    && (((Name) node).ctx() == ExprContext.Load || isAugmentedTarget((Name) node, parents))
                    && model.reachingDefinitions((Name) node).contains(parameter)) {
                uses.add((Name) node);
            }
        });
        uses.sort((a, b) -> a.lineno() != b.lineno() ? Integer.compare(a.lineno(), b.lineno())
                : Integer.compare(a.col_offset(), b.col_offset()));
        for (Name use : uses) {
            Danger danger = tupleDefault ? elementMutation(use, parents) : danger(use, parents);
            if (danger != null) {
                return danger;
            }
        }
        return null;
    }

    private static boolean isAugmentedTarget(Name name, ParentMap parents) {
        Node parent = parents.parentOf(name);
        return parent instanceof AugAssign && ((AugAssign) parent).target() == name;
    }

    private static Danger danger(Name use, ParentMap parents) {
        Node parent = parents.parentOf(use);
        if (parent instanceof Return || parent instanceof Lambda && ((Lambda) parent).body() == use
                || parent instanceof Tuple && parents.parentOf(parent) instanceof Return) {
            return new Danger(use, "returned");
        }
        if (parent instanceof Yield || parent instanceof YieldFrom) {
            return new Danger(use, "yielded");
        }
        if (parent instanceof Assign && ((Assign) parent).value() == use && ((Assign) parent).targets()
                .stream().anyMatch(t -> t instanceof Attribute || t instanceof Subscript)) {
            return new Danger((Located) parent, "stored");
        }
        if (parent instanceof Call && NodeLists.contains(((Call) parent).args(), use)
                && ((Call) parent).func() instanceof Attribute
                && MUTATING_METHODS.contains(((Attribute) ((Call) parent).func()).attr())) {
            return new Danger((Located) parent, "stored");
        }
        if (parent instanceof AugAssign && ((AugAssign) parent).target() == use) {
            return new Danger((Located) parent, "mutated");
        }
        Located mutation = mutationOf(use, parents);
        if (mutation != null) {
            return new Danger(mutation, "mutated");
        }
        return elementMutation(use, parents);
    }

    /** An element of the default changed in place: {@code spec[0].append(x)}, {@code groups[k].append(v)}. */
    private static Danger elementMutation(Name use, ParentMap parents) {
        Node parent = parents.parentOf(use);
        if (parent instanceof Subscript && ((Subscript) parent).value() == use) {
            Located mutation = mutationOf((Subscript) parent, parents);
            if (mutation != null) {
                return new Danger(mutation, "mutated");
            }
        }
        return null;
    }

    /** The node that changes {@code target} in place, if its parent does: a mutating call, a store through it. */
    private static Located mutationOf(Expression target, ParentMap parents) {
        Node parent = parents.parentOf(target);
        if (parent instanceof Attribute && ((Attribute) parent).value() == target) {
            Attribute attribute = (Attribute) parent;
            Node grandParent = parents.parentOf(attribute);
            if (attribute.ctx() != ExprContext.Load) {
                return attribute;
            }
            if (grandParent instanceof Call && ((Call) grandParent).func() == attribute) {
                Call call = (Call) grandParent;
                // torch's in-place methods end in an underscore: add_, zero_, copy_...
                if (MUTATING_METHODS.contains(attribute.attr()) || inPlace(call)
                        || attribute.attr().endsWith("_") && !attribute.attr().startsWith("_")) {
                    return call;
                }
            }
            if (INDEXERS.contains(attribute.attr()) && grandParent instanceof Subscript
                    && ((Subscript) grandParent).ctx() != ExprContext.Load) {
                return (Located) grandParent;
            }
            return null;
        }
        if (parent instanceof Subscript && ((Subscript) parent).value() == target) {
            Node grandParent = parents.parentOf(parent);
            if (((Subscript) parent).ctx() != ExprContext.Load
                    || grandParent instanceof AugAssign && ((AugAssign) grandParent).target() == parent) {
                return (Located) parent;
            }
        }
        return null;
    }

    private static boolean inPlace(Call call) {
        for (Keyword keyword : call.keywords()) {
            if ("inplace".equals(keyword.arg()) && keyword.value() instanceof dev.pitfall.ast.Constant
                    && Boolean.TRUE.equals(((dev.pitfall.ast.Constant) keyword.value()).value())) {
                return true;
            }
        }
        return false;
    }
}
