package dev.pitfall.semantic;

import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Arguments;
import dev.pitfall.ast.Assign;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.ClassDef;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.ast.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a class's methods store in {@code self.name}: {@code self.scaler = MinMaxScaler()} in
 * {@code __init__} makes {@code self.scaler} a MinMaxScaler in every method of the class. The
 * values are those of every store through the instance parameter of any method of the class, and
 * of a class-level assignment of the name; a store the values cannot say (an augmented
 * assignment, an unpacking target) makes the attribute unknown.
 */
final class InstanceAttributes {
    /** The values stored in one attribute; null when some store has no value to show. */
    private record Stores(List<Expression> values) {
    }

    private final SemanticModel model;
    private final Map<ClassDef, Map<String, Stores>> byClass = new IdentityHashMap<>();

    InstanceAttributes(SemanticModel model) {
        this.model = model;
    }

    /**
     * The values the class stores in {@code self.name} when {@code attribute} reads it through the
     * instance parameter of one of its methods; empty when it does not, or when a store is unknown.
     */
    List<Expression> valuesOf(Attribute attribute) {
        if (!(attribute.value() instanceof Name receiver)) {
            return List.of();
        }
        Set<Binding> definitions = model.reachingDefinitions(receiver);
        if (definitions.size() != 1) {
            return List.of();
        }
        ClassDef owner = classOfInstanceParameter(definitions.iterator().next());
        if (owner == null) {
            return List.of();
        }
        Stores stores = byClass.computeIfAbsent(owner, this::storesOf).get(attribute.attr());
        return stores == null || stores.values() == null ? List.of() : Collections.unmodifiableList(stores.values());
    }

    /**
     * The class whose method has this binding as its instance parameter ({@code self}, or
     * {@code cls} of a classmethod), or null.
     */
    static ClassDef classOfInstanceParameter(Binding parameter) {
        if (parameter.kind() != Binding.Kind.PARAMETER) {
            return null;
        }
        Node method = parameter.owner();
        if (!isInstanceParameter(parameter, method)) {
            return null;
        }
        Scope enclosing = parameter.symbol().scope().parent();
        while (enclosing != null && enclosing.kind() == Scope.Kind.TYPE_PARAMETERS) {
            enclosing = enclosing.parent();
        }
        return enclosing != null && enclosing.node() instanceof ClassDef classDef ? classDef : null;
    }

    /** The first positional parameter of a function that is not a staticmethod. */
    private static boolean isInstanceParameter(Binding parameter, Node function) {
        Arguments arguments;
        List<Expression> decorators;
        if (function instanceof FunctionDef def) {
            arguments = def.args();
            decorators = def.decorator_list();
        } else if (function instanceof AsyncFunctionDef def) {
            arguments = def.args();
            decorators = def.decorator_list();
        } else {
            return false;
        }
        List<Arg> positional = arguments.posonlyargs().isEmpty() ? arguments.args() : arguments.posonlyargs();
        if (positional.isEmpty() || positional.get(0) != parameter.node()) {
            return false;
        }
        for (Expression decorator : decorators) {
            if (decorator instanceof Name name && name.id().equals("staticmethod")) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Stores> storesOf(ClassDef classDef) {
        Map<String, Stores> stores = new HashMap<>();
        for (Statement statement : classDef.body()) {
            if (statement instanceof Assign assign) {
                for (Expression target : assign.targets()) {
                    if (target instanceof Name name) {
                        record(stores, name.id(), assign.value());
                    }
                }
            } else if (statement instanceof FunctionDef || statement instanceof AsyncFunctionDef) {
                List<Binding> parameters = model.parametersOf(statement);
                if (!parameters.isEmpty() && isInstanceParameter(parameters.get(0), statement)) {
                    collectStores(statement, parameters.get(0), stores);
                }
            }
        }
        return stores;
    }

    /** The stores through {@code self} in a method's body, nested functions included, nested classes not. */
    private void collectStores(Statement method, Binding self, Map<String, Stores> stores) {
        NodeStack pending = new NodeStack();
        if (method instanceof FunctionDef def) {
            pending.pushAll(def.body());
        } else {
            pending.pushAll(((AsyncFunctionDef) method).body());
        }
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof ClassDef) {
                continue;
            }
            if (node instanceof Assign assign) {
                for (Expression target : assign.targets()) {
                    String stored = storedAttribute(target, self);
                    if (stored != null) {
                        record(stores, stored, assign.value());
                    } else if (!(target instanceof Attribute) && !(target instanceof Name)) {
                        unknownStores(target, self, stores);
                    }
                }
            } else if (node instanceof AnnAssign annotated) {
                String stored = storedAttribute(annotated.target(), self);
                if (stored != null) {
                    record(stores, stored, annotated.value());
                }
            } else if (node instanceof AugAssign augmented) {
                String stored = storedAttribute(augmented.target(), self);
                if (stored != null) {
                    record(stores, stored, null);
                }
            }
            node.pushChildren(pending);
        }
    }

    /** Every {@code self.name} inside an unpacking target is stored a value the analysis cannot see. */
    private void unknownStores(Expression target, Binding self, Map<String, Stores> stores) {
        NodeStack pending = new NodeStack();
        pending.push(target);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Attribute attribute) {
                String stored = storedAttribute(attribute, self);
                if (stored != null) {
                    record(stores, stored, null);
                }
            }
            node.pushChildren(pending);
        }
    }

    /** The attribute name when {@code target} is {@code self.name} for this method's {@code self}. */
    private String storedAttribute(Expression target, Binding self) {
        if (target instanceof Attribute attribute && attribute.value() instanceof Name receiver
                && model.reachingDefinitions(receiver).contains(self)) {
            return attribute.attr();
        }
        return null;
    }

    private static void record(Map<String, Stores> stores, String attribute, Expression value) {
        Stores known = stores.computeIfAbsent(attribute, name -> new Stores(new ArrayList<>()));
        if (known.values() == null) {
            return;
        }
        if (value == null) {
            stores.put(attribute, new Stores(null));
        } else {
            known.values().add(value);
        }
    }
}
