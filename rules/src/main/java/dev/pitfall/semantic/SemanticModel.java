package dev.pitfall.semantic;

import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Arguments;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.Comprehension;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.ImportFrom;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.Module;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.ParentMap;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.Statement;
import dev.pitfall.source.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything pitfall knows about one file beyond its syntax, built once per file: scopes and
 * bindings, reaching definitions, qualified names of imported things, value kinds and data flow.
 * Scopes and reaching definitions are built eagerly (one pass each); value kinds and data flow
 * are computed on demand and memoised. A notebook is one module, its cells in order.
 *
 * <p>Not thread-safe: one model belongs to the linting of one file.
 */
public final class SemanticModel {
    private final Module module;
    private final SourceFile source;
    private final ScopeBuilder scopes;
    private final Scope moduleScope;
    private final ReachingDefinitions reaching;
    private ParentMap parents;
    private KindInference kinds;
    private final Map<DerivationPolicy, DataFlow> dataFlows = new IdentityHashMap<>();
    private RowLineage rowLineage;
    private InstanceAttributes instanceAttributes;
    private GrownLists grownLists;
    /** What each function returns, walked once: the leakage analysis asks at every call it follows. */
    private Map<Statement, List<Expression>> returnedValuesByFunction;
    private List<String> starImportedModules;

    private SemanticModel(Module module, SourceFile source) {
        this.module = module;
        this.source = source;
        this.scopes = new ScopeBuilder(source.text().length());
        this.moduleScope = scopes.build(module);
        this.reaching = new ReachingDefinitions(scopes, moduleScope, source.text().length());
    }

    public static SemanticModel build(Module module, SourceFile source) {
        return new SemanticModel(module, source);
    }

    public Module module() {
        return module;
    }

    public SourceFile source() {
        return source;
    }

    /** Parent links of the tree, computed on first use. */
    public ParentMap parents() {
        if (parents == null) {
            parents = new ParentMap(module);
        }
        return parents;
    }

    /** The closest enclosing statement of a node (the node itself if it is one), or null. */
    public Statement statementOf(Node node) {
        for (Node current = node; current != null; current = parents().parentOf(current)) {
            if (current instanceof Statement) {
                return (Statement) current;
            }
        }
        return null;
    }

    /** True when {@code node} is {@code ancestor} or lies inside it. */
    public boolean isWithin(Node node, Node ancestor) {
        for (Node current = node; current != null; current = parents().parentOf(current)) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ---- scopes and bindings

    public Scope moduleScope() {
        return moduleScope;
    }

    /**
     * The scope a node creates (for a Module, ClassDef, FunctionDef, AsyncFunctionDef, Lambda or
     * comprehension node), or null.
     */
    public Scope scopeOf(Node scopeNode) {
        return scopes.scopeByNode.get(scopeNode);
    }

    /**
     * The scope in which a node is evaluated: for a parameter default or a decorator, the scope
     * around the function; for the first iterable of a comprehension, the scope around it.
     */
    public Scope scopeContaining(Node node) {
        Scope direct = scopes.evaluatedIn.get(node);
        if (direct != null) {
            return direct;
        }
        Node grandChild = null;
        Node child = node;
        for (Node current = parents().parentOf(node); current != null;
                grandChild = child, child = current, current = parents().parentOf(current)) {
            Scope inner = scopes.scopeByNode.get(current);
            if (inner != null && current instanceof Expression && evaluatedInside(current, child, grandChild)) {
                return inner;
            }
            Scope scope = scopes.evaluatedIn.get(current);
            if (scope != null) {
                return scope;
            }
        }
        return moduleScope;
    }

    /**
     * Whether {@code child} of a lambda or comprehension runs in its scope: a lambda's body does,
     * its defaults do not; everything of a comprehension does except its first iterable.
     */
    private static boolean evaluatedInside(Node scopeNode, Node child, Node grandChild) {
        if (scopeNode instanceof Lambda) {
            return child == ((Lambda) scopeNode).body();
        }
        if (child instanceof Comprehension) {
            Node firstGenerator = null;
            for (Node sibling : scopeNode.children()) {
                if (sibling instanceof Comprehension) {
                    firstGenerator = sibling;
                    break;
                }
            }
            return !(child == firstGenerator && grandChild == ((Comprehension) child).iter());
        }
        return true;
    }

    /**
     * The call a lambda is passed to, as an argument or as a keyword's value, or the subscript
     * whose index it is ({@code df.loc[lambda d: ...]}); null for a lambda anywhere else.
     */
    public Node lambdaSite(Lambda lambda) {
        return scopes.lambdaSites == null ? null : scopes.lambdaSites.get(lambda);
    }

    /** The symbol a name refers to, following Python's scoping rules; null for builtins and undefined names. */
    public Symbol symbolOf(Name name) {
        Binding binding = scopes.bindingByName.get(name);
        if (binding != null) {
            return binding.symbol();
        }
        return scopeContaining(name).resolve(name.id());
    }

    /** The binding a Name in store or delete context makes, or null for a load. */
    public Binding bindingOf(Name target) {
        return scopes.bindingByName.get(target);
    }

    /** The bindings a node makes: an Alias, a FunctionDef or ClassDef, an Arg, a Name target... */
    public List<Binding> bindingsMadeBy(Node node) {
        return scopes.bindingsByNode.getOrDefault(node, List.of());
    }

    /** Every binding of the file, in document order of the scopes' construction. */
    public List<Binding> bindings() {
        return scopes.allBindings();
    }

    /**
     * The definitions that may have produced the value a loaded name has: flow-sensitive for a
     * name local to its scope (statement order, branches, loops), every binding of the resolved
     * symbol for a global or free name. Empty for builtins and undefined names.
     */
    public Set<Binding> reachingDefinitions(Name load) {
        return reaching.reaching(load);
    }

    /** The definitions of an augmented assignment's target that reach it (x before {@code x += 1}). */
    Set<Binding> reachingBefore(Statement statement, Symbol symbol) {
        return reaching.reachingBefore(statement, symbol);
    }

    // ---- qualified names

    /**
     * The dotted name an expression stands for when it names an imported module, a member of one
     * or a builtin: with {@code import numpy as np}, {@code np.random.seed} is
     * {@code numpy.random.seed}; with {@code from sklearn.preprocessing import StandardScaler as
     * SS}, {@code SS} is {@code sklearn.preprocessing.StandardScaler}; {@code len} is
     * {@code builtins.len}. A relative import keeps its dots ({@code from .util import f} gives
     * {@code .util.f}). A name bound to such a value ({@code seed = np.random.seed}) is followed.
     * Empty for anything else (local variables, attributes of values, calls).
     */
    public Optional<String> qualifiedName(Expression expression) {
        return Optional.ofNullable(qualify(expression, 0));
    }

    private String qualify(Expression expression, int depth) {
        if (depth > 8) {
            return null;
        }
        if (expression instanceof Attribute) {
            String base = qualify(((Attribute) expression).value(), depth + 1);
            return base == null ? null : base + "." + ((Attribute) expression).attr();
        }
        if (!(expression instanceof Name)) {
            return null;
        }
        Name name = (Name) expression;
        Collection<Binding> definitions = reaching.reachingShared(name);
        if (definitions.isEmpty()) {
            Symbol symbol = symbolOf(name);
            if (symbol != null && !symbol.bindings().isEmpty()) {
                definitions = symbol.bindings();
            } else {
                return symbol == null && Builtins.isBuiltin(name.id()) ? "builtins." + name.id() : null;
            }
        }
        String agreed = null;
        for (Binding binding : definitions) {
            String qualified;
            if (binding.kind() == Binding.Kind.IMPORT) {
                qualified = binding.importedName();
            } else if (binding.kind() == Binding.Kind.ASSIGNMENT && binding.unpackPath().isEmpty()
                    && (binding.value() instanceof Name || binding.value() instanceof Attribute)) {
                qualified = qualify(binding.value(), depth + 1);
            } else {
                return null;
            }
            if (qualified == null || (agreed != null && !agreed.equals(qualified))) {
                return null;
            }
            agreed = qualified;
        }
        return agreed;
    }

    /**
     * The modules that module-level {@code from m import *} statements import (absolute imports
     * only), in document order; found once per file.
     */
    List<String> starImportedModules() {
        if (starImportedModules == null) {
            List<String> modules = new ArrayList<>();
            for (Statement statement : module.body()) {
                if (statement instanceof ImportFrom from && from.module() != null
                        && (from.level() == null || from.level() == 0)
                        && from.names().size() == 1 && from.names().get(0).name().equals("*")) {
                    modules.add(from.module());
                }
            }
            starImportedModules = modules;
        }
        return starImportedModules;
    }

    /** True when the call's callee is one of the given qualified names. */
    public boolean isCallTo(Call call, String... qualifiedNames) {
        String callee = qualify(call.func(), 0);
        if (callee == null) {
            return false;
        }
        for (String wanted : qualifiedNames) {
            if (wanted.equals(callee)) {
                return true;
            }
        }
        return false;
    }

    /** The qualified name of what a call calls, as {@link #qualifiedName}. */
    public Optional<String> calleeName(Call call) {
        return qualifiedName(call.func());
    }

    /**
     * The function defined in this file that a call calls, when the callee is a name whose every
     * reaching definition is the same {@code def} (a FunctionDef or AsyncFunctionDef); else empty.
     */
    public Optional<Statement> calledFunction(Call call) {
        List<Statement> candidates = calledFunctions(call);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * Every {@code def} of this file that a call may call, when each reaching definition of the
     * callee's name is one: several when a script (often a notebook exported as one) defines the
     * same helper twice; else empty.
     */
    public List<Statement> calledFunctions(Call call) {
        if (!(call.func() instanceof Name)) {
            return List.of();
        }
        Collection<Binding> definitions = reaching.reachingShared(((Name) call.func()));
        Statement first = null;
        List<Statement> found = null;
        for (Binding binding : definitions) {
            if (binding.kind() != Binding.Kind.FUNCTION) {
                return List.of();
            }
            Statement function = (Statement) binding.node();
            if (first == null) {
                first = function;
            } else if (function != first) {
                if (found == null) {
                    found = new ArrayList<>();
                    found.add(first);
                }
                if (!found.contains(function)) {
                    found.add(function);
                }
            }
        }
        return found != null ? found : first != null ? List.of(first) : List.of();
    }

    /**
     * The values a function of this file returns, in source order: its own {@code return}
     * statements that return something, not those of the functions nested in it.
     */
    public List<Expression> returnedValues(Statement function) {
        if (returnedValuesByFunction == null) {
            returnedValuesByFunction = new IdentityHashMap<>();
        }
        List<Expression> known = returnedValuesByFunction.get(function);
        if (known != null) {
            return known;
        }
        List<Statement> body = function instanceof FunctionDef ? ((FunctionDef) function).body()
                : function instanceof AsyncFunctionDef ? ((AsyncFunctionDef) function).body() : List.of();
        List<Expression> values = new ArrayList<>();
        for (Node result : DataFlow.ownReturnsAndYields(body)) {
            if (result instanceof Return returned && returned.value() != null) {
                values.add(returned.value());
            }
        }
        returnedValuesByFunction.put(function, values);
        return values;
    }

    /** What the list a binding makes is grown with by append, extend and insert calls ({@link GrownLists}). */
    List<Expression> valuesAddedTo(Binding binding) {
        if (grownLists == null) {
            grownLists = new GrownLists(this);
        }
        return grownLists.addedTo(binding);
    }

    /**
     * The values a class stores in {@code self.name} when {@code attribute} reads it through the
     * instance parameter of one of the class's methods ({@code self.scaler} after
     * {@code self.scaler = MinMaxScaler()} in {@code __init__}); empty when it does not or when
     * some store cannot be seen (an unpacking target, an augmented assignment).
     */
    public List<Expression> instanceAttributeValues(Attribute attribute) {
        if (instanceAttributes == null) {
            instanceAttributes = new InstanceAttributes(this);
        }
        return instanceAttributes.valuesOf(attribute);
    }

    /**
     * The parameters of a function or lambda, as bindings in its own scope, in declaration order
     * (positional-only, positional, *args, keyword-only, **kwargs); empty for other nodes.
     */
    public List<Binding> parametersOf(Node function) {
        Arguments args;
        if (function instanceof FunctionDef) {
            args = ((FunctionDef) function).args();
        } else if (function instanceof AsyncFunctionDef) {
            args = ((AsyncFunctionDef) function).args();
        } else if (function instanceof Lambda) {
            args = ((Lambda) function).args();
        } else {
            return List.of();
        }
        List<Binding> parameters = new ArrayList<>();
        for (Arg arg : ScopeBuilder.allParameters(args)) {
            parameters.addAll(bindingsMadeBy(arg));
        }
        return parameters;
    }

    // ---- value kinds and data flow

    /** What kind of value an expression holds at that point; {@link ValueKind#UNKNOWN} when unsure. */
    public ValueKind kindOf(Expression expression) {
        return kinds().kindOf(expression);
    }

    /** The kind of value a binding gives its name; {@link ValueKind#UNKNOWN} when unsure. */
    public ValueKind kindOf(Binding binding) {
        return kinds().kindOf(binding);
    }

    private KindInference kinds() {
        if (kinds == null) {
            kinds = new KindInference(this, KindTable.get());
        }
        return kinds;
    }

    /** Which values derive from which, with the default derivation policy. */
    public DataFlow dataFlow() {
        return dataFlow(DerivationPolicy.DEFAULT);
    }

    /**
     * Data flow under another policy (for example one that also knows which calls only read
     * their arguments); built on first use and kept for this file, per policy instance.
     */
    public DataFlow dataFlow(DerivationPolicy policy) {
        return dataFlows.computeIfAbsent(policy, p -> new DataFlow(this, p));
    }

    /** Which bindings' rows a value may contain (see {@link RowLineage}); built on first use. */
    public RowLineage rowLineage() {
        if (rowLineage == null) {
            rowLineage = new RowLineage(this);
        }
        return rowLineage;
    }
}
