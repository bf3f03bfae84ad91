package dev.pitfall.rules.reproducibility;

import static dev.pitfall.semantic.SourceOrder.startsBefore;

import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Nodes;
import dev.pitfall.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tests replace random functions before calling them ({@code monkeypatch.setattr(random,
 * "random", lambda: 0.5)}, {@code mocker.patch("numpy.random.rand")}, {@code @mock.patch.object(
 * random, "choice")}): such a call then runs the replacement, which draws nothing.
 */
final class PatchedCallables {
    /** The last name of the calls that replace an attribute: pytest, unittest.mock and pytest-mock. */
    private static final Set<String> PATCHERS = Set.of("setattr", "patch", "object");

    private final SemanticModel model;
    /** The patching calls of each function, found once: a file may draw thousands of times in one function. */
    private final Map<Node, List<Patch>> patchesByFunction = new IdentityHashMap<>();

    /** For the calls of one file. */
    PatchedCallables(SemanticModel model) {
        this.model = model;
    }

    /**
     * True when {@code function}, the function around {@code call} (or null at module level),
     * replaces {@code callee} (a qualified name) before the call: in a decorator, or in a
     * statement of its body that starts earlier.
     */
    boolean patchedBefore(Call call, String callee, Node function) {
        if (function == null) {
            return false;
        }
        for (Patch patch : patchesIn(function)) {
            if (patch.name().equals(callee) && startsBefore(patch.call(), call)) {
                return true;
            }
        }
        return false;
    }

    /** True for the nodes that {@link #patchedBefore} takes as the function around a call. */
    static boolean isFunction(Node node) {
        return node instanceof FunctionDef || node instanceof AsyncFunctionDef;
    }

    /** A call that replaces the callable of that qualified name. */
    private record Patch(Call call, String name) {
    }

    private List<Patch> patchesIn(Node function) {
        List<Patch> known = patchesByFunction.get(function);
        if (known == null) {
            List<Patch> patches = new ArrayList<>();
            Nodes.walk(function, node -> {
                String name = node instanceof Call ? replacedName((Call) node, model) : null;
                if (name != null) {
                    patches.add(new Patch((Call) node, name));
                }
            });
            known = patches;
            patchesByFunction.put(function, known);
        }
        return known;
    }

    /** The qualified name a patching call replaces, or null when it is not one. */
    private static String replacedName(Call patch, SemanticModel model) {
        String last = patch.func() instanceof Attribute ? ((Attribute) patch.func()).attr()
                : patch.func() instanceof Name ? ((Name) patch.func()).id() : null;
        if (last == null || !PATCHERS.contains(last) || patch.args().isEmpty()) {
            return null;
        }
        String first = string(patch.args().get(0));
        if (first != null) {
            return first.contains(".") ? first : null;
        }
        if (patch.args().size() < 2) {
            return null;
        }
        String attribute = string(patch.args().get(1));
        return attribute == null ? null
                : model.qualifiedName(patch.args().get(0)).map(owner -> owner + "." + attribute).orElse(null);
    }

    private static String string(Expression expression) {
        return expression instanceof Constant && ((Constant) expression).value() instanceof String
                ? (String) ((Constant) expression).value() : null;
    }
}
