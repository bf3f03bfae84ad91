package dev.pitfall.semantic;

import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Expr;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a list bound to a name is grown with: {@code data = []}, then {@code data.append(x[i:i + 25])}
 * in a loop, as sliding windows are built before {@code np.array(data)}. The values of the
 * {@code append}, {@code extend} and {@code insert} calls whose receiver the binding reaches
 * flow into the list, for data flow and row lineage alike.
 */
final class GrownLists {
    private static final Set<String> GROWING_METHODS = Set.of("append", "extend", "insert");

    private final SemanticModel model;
    /** The receiver of every growing call of the file, with the value it adds; found on first need. */
    private IdentityTable<Name, Expression> addedByReceiver;

    GrownLists(SemanticModel model) {
        this.model = model;
    }

    /**
     * The values added to the list a binding makes; empty unless it binds a list display or list(),
     * alone or as one element of a display unpacked into names ({@code X, y = [], []}).
     */
    List<Expression> addedTo(Binding binding) {
        if (binding.kind() != Binding.Kind.ASSIGNMENT) {
            return List.of();
        }
        Expression value = DataFlow.unpackedPart(model, binding.value(), binding.unpackPath());
        boolean makesList = value instanceof dev.pitfall.ast.List
                || value instanceof Call call && call.args().isEmpty() && model.isCallTo(call, "builtins.list");
        if (!makesList) {
            return List.of();
        }
        IdentityTable<Name, Expression> growing = growingCalls();
        List<Expression> added = new ArrayList<>();
        for (Name use : binding.symbol().uses()) {
            Expression appended = growing.get(use);
            if (appended != null && model.reachingDefinitions(use).contains(binding)) {
                added.add(appended);
            }
        }
        return added;
    }

    private IdentityTable<Name, Expression> growingCalls() {
        if (addedByReceiver != null) {
            return addedByReceiver;
        }
        addedByReceiver = new IdentityTable<>(16);
        // Growing calls are statements of their own (data.append(x)), so the walk goes through
        // statements only and leaves the expressions, most of the tree, unvisited.
        NodeStack pending = new NodeStack();
        pending.push(model.module());
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Expr statement) {
                if (statement.value() instanceof Call call && call.func() instanceof Attribute method
                        && method.value() instanceof Name receiver && GROWING_METHODS.contains(method.attr())) {
                    int valueAt = method.attr().equals("insert") ? 1 : 0;
                    if (call.args().size() == valueAt + 1 && call.keywords().isEmpty()) {
                        addedByReceiver.put(receiver, call.args().get(valueAt));
                    }
                }
            } else if (!(node instanceof Expression)) {
                node.pushChildren(pending);
            }
        }
        return addedByReceiver;
    }
}
