package dev.pitfall.rules.reproducibility;

import static dev.pitfall.semantic.SourceOrder.startsBefore;

import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.ClassDef;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.Statement;
import dev.pitfall.lint.RuleContext;
import dev.pitfall.rules.CalleeNames;
import dev.pitfall.semantic.Binding;
import dev.pitfall.semantic.IdentityTable;
import dev.pitfall.semantic.Scope;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.semantic.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a global generator has been seeded by the time a call runs, following the file's
 * flow one function at a time:
 * <ul>
 * <li>a seeding call earlier in the same function (or at module level, earlier in the module)
 * counts; a seeding call is a seed function with a seed, a known helper ({@code seed_everything},
 * {@code transformers.set_seed}...), or a call of a function of this file whose body seeds;</li>
 * <li>otherwise a function is seeded when every place that refers to it (calls it, or hands it
 * on as in {@code fire.Fire(main)}) is itself seeded, so seeds in the {@code __main__} guard
 * before {@code main()} reach the draws in {@code main} and in what it calls; a method counts
 * the places that refer to its class;</li>
 * <li>a function nothing in the file refers to is called from elsewhere: it is seeded when the
 * module seeds at import time or defines a seeding function for its callers to use.</li>
 * </ul>
 * Branches are not told apart: a seed anywhere earlier in the function counts.
 *
 * <p>The rule hands it the file's calls and names during the linter's walk ({@link #visitCall},
 * {@link #visitName}), so that it needs no walk of its own, or has it walk the file itself after
 * the linter's walk ({@link #visitByWalk}); it can answer once the walk is over.
 */
final class SeedControl {
    private final SemanticModel model;
    private final CalleeNames callees;
    /** Every call of the file, in document order. */
    private final List<Call> calls = new ArrayList<>();
    /** The def or class statement that makes each binding of a function or class name. */
    private final Map<Binding, Node> definitions = new IdentityHashMap<>();
    private final Set<String> definedNames = new HashSet<>();
    private boolean complete;
    /** Seeding calls by the function (or module) that executes them. */
    private final Map<Node, List<SeedingCall>> seedingByOwner = new IdentityHashMap<>();
    /** The calls of the file by the function (or module) that executes them, in document order. */
    private final Map<Node, List<CallFacts>> callsByOwner = new IdentityHashMap<>();
    private final Map<Node, Set<RandomSource>> functionSeeds = new IdentityHashMap<>();
    private final Map<Node, List<Name>> references = new IdentityHashMap<>();
    private final Map<Node, Map<RandomSource, Boolean>> entrySeeded = new IdentityHashMap<>();
    private final Set<RandomSource> moduleSeeds = EnumSet.noneOf(RandomSource.class);
    private final Set<RandomSource> helperSeeds = EnumSet.noneOf(RandomSource.class);
    /**
     * The function that executes each call, found from the statement around it on the linter's
     * path while it visits the call (so that no parent map of the whole file is needed); empty
     * after {@link #visitByWalk}.
     */
    private final IdentityTable<Node, Node> executingFunctions;
    private Statement lastStatement;
    private Node lastStatementFunction;

    private record SeedingCall(Call call, Set<RandomSource> sources) {
    }

    /** A call, what it seeds by itself and the function of this file it calls (or null). */
    private record CallFacts(Call call, Set<RandomSource> seeds, Statement calledFunction) {
    }

    SeedControl(SemanticModel model, CalleeNames callees) {
        this.model = model;
        this.callees = callees;
        this.executingFunctions = new IdentityTable<>(model.source().text().length() / 64);
        for (Binding binding : model.bindings()) {
            if (binding.node() instanceof FunctionDef || binding.node() instanceof AsyncFunctionDef
                    || binding.node() instanceof ClassDef) {
                definitions.put(binding, binding.node());
                definedNames.add(binding.name());
            }
        }
    }

    /**
     * The call being visited. {@code context} is the linter's while its walk is at the call, null
     * in {@link #visitByWalk}.
     */
    void visitCall(Call call, RuleContext context) {
        calls.add(call);
        if (context != null) {
            executingFunctions.put(call, functionRunning(context.statement()));
        }
    }

    /**
     * {@link #executingFunction} of a statement, remembered for the last one: a call runs in the
     * function that runs its statement, and the calls of a statement are visited one after another.
     */
    private Node functionRunning(Statement statement) {
        if (statement != lastStatement) {
            lastStatement = statement;
            lastStatementFunction = executingFunction(statement);
        }
        return lastStatementFunction;
    }

    /** Instead of being fed by the linter's walk: walks the file itself, after the linter's walk. */
    void visitByWalk() {
        Nodes.walk(model.module(), node -> {
            if (node instanceof Call) {
                visitCall((Call) node, null);
            } else if (node instanceof Name) {
                visitName((Name) node, null);
            }
        });
    }

    /**
     * The name being visited; a load that refers to a def or class of the file is kept. {@code
     * context} is the linter's while its walk is at the name, null in {@link #visitByWalk}.
     */
    void visitName(Name name, RuleContext context) {
        // a symbol has the name of its bindings: other names cannot refer to a definition
        if (name.ctx() != ExprContext.Load || !definedNames.contains(name.id())) {
            return;
        }
        Symbol symbol = model.symbolOf(name);
        if (symbol == null) {
            return;
        }
        for (Binding binding : symbol.bindings()) {
            Node definition = definitions.get(binding);
            if (definition != null && !(context != null ? isAncestor(definition, context)
                    : model.isWithin(name, definition))) {
                addReference(definition, name);
            }
        }
    }

    /** True when {@code node} encloses the node being visited: the linter's path knows. */
    private static boolean isAncestor(Node node, RuleContext context) {
        for (int generations = 1; ; generations++) {
            Node ancestor = context.ancestor(generations);
            if (ancestor == null) {
                return false;
            }
            if (ancestor == node) {
                return true;
            }
        }
    }

    /** True when {@code source} has been seeded before {@code node} runs; only after the walk. */
    boolean seededBefore(Located node, RandomSource source) {
        if (!complete) {
            collect();
            complete = true;
        }
        Node owner = executingFunction(node);
        for (SeedingCall seeding : seedingByOwner.getOrDefault(owner, List.of())) {
            if (seeding.sources().contains(source) && startsBefore(seeding.call(), node)) {
                return true;
            }
        }
        if (owner == model.module()) {
            return false;
        }
        return entrySeeded(owner, source);
    }

    private boolean entrySeeded(Node function, RandomSource source) {
        Map<RandomSource, Boolean> known = entrySeeded.computeIfAbsent(function, f -> new HashMap<>());
        Boolean answer = known.get(source);
        if (answer != null) {
            return answer;
        }
        // A cycle of calls is decided by the places outside it: assume seeded while inside.
        known.put(source, true);
        List<Name> sites = references.getOrDefault(function, List.of());
        boolean seeded;
        if (sites.isEmpty()) {
            seeded = moduleSeeds.contains(source) || helperSeeds.contains(source);
        } else {
            seeded = true;
            for (Name site : sites) {
                if (!seededBefore(site, source)) {
                    seeded = false;
                    break;
                }
            }
        }
        known.put(source, seeded);
        return seeded;
    }

    /**
     * The function whose call runs this node: the innermost def around the scope the node is
     * evaluated in (lambdas, comprehensions and class bodies run where they are written), or
     * the module. Known for the calls seen on the linter's walk; the scope of a statement or a
     * name needs no parent links either.
     */
    private Node executingFunction(Node node) {
        Node known = executingFunctions.get(node);
        if (known != null) {
            return known;
        }
        for (Scope scope = model.scopeContaining(node); scope != null; scope = scope.parent()) {
            if (scope.kind() == Scope.Kind.FUNCTION || scope.kind() == Scope.Kind.MODULE) {
                return scope.node();
            }
        }
        return model.module();
    }

    private void collect() {
        // What each call seeds and calls is found once: seedsOfFunction asks again for the calls
        // of every function it follows.
        List<CallFacts> facts = new ArrayList<>();
        List<Node> owners = new ArrayList<>();
        for (Call call : calls) {
            CallFacts fact = new CallFacts(call, RandomCalls.seeds(call, model, callees), model.calledFunction(call).orElse(null));
            Node owner = executingFunction(call);
            facts.add(fact);
            owners.add(owner);
            callsByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(fact);
        }
        for (int i = 0; i < facts.size(); i++) {
            if (!facts.get(i).seeds().isEmpty()) {
                seedingByOwner.computeIfAbsent(owners.get(i), o -> new ArrayList<>())
                        .add(new SeedingCall(facts.get(i).call(), facts.get(i).seeds()));
            }
        }
        for (int i = 0; i < facts.size(); i++) {
            Statement function = facts.get(i).calledFunction();
            if (function == null) {
                continue;
            }
            Set<RandomSource> sources = seedsOfFunction(function, identitySet());
            if (!sources.isEmpty()) {
                seedingByOwner.computeIfAbsent(owners.get(i), o -> new ArrayList<>())
                        .add(new SeedingCall(facts.get(i).call(), sources));
            }
        }
        for (SeedingCall seeding : seedingByOwner.getOrDefault(model.module(), List.of())) {
            moduleSeeds.addAll(seeding.sources());
        }
        for (Node owner : seedingByOwner.keySet()) {
            if (owner != model.module()) {
                helperSeeds.addAll(seedsOfFunction(owner, identitySet()));
            }
        }
    }

    /** Nodes are records, equal by value and hashed over their whole subtree: compare them by identity. */
    private static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A method is reached through its class: references to the class count for it. */
    private void addReference(Node definition, Name load) {
        references.computeIfAbsent(definition, d -> new ArrayList<>()).add(load);
        if (definition instanceof ClassDef) {
            for (Statement member : ((ClassDef) definition).body()) {
                if (member instanceof FunctionDef || member instanceof AsyncFunctionDef) {
                    references.computeIfAbsent(member, d -> new ArrayList<>()).add(load);
                }
            }
        }
    }

    /** The sources a function of this file seeds when called, through the calls in its body. */
    private Set<RandomSource> seedsOfFunction(Node function, Set<Node> visiting) {
        Set<RandomSource> known = functionSeeds.get(function);
        if (known != null) {
            return known;
        }
        if (!visiting.add(function)) {
            return Set.of();
        }
        Set<RandomSource> sources = EnumSet.noneOf(RandomSource.class);
        for (CallFacts call : callsByOwner.getOrDefault(function, List.of())) {
            sources.addAll(call.seeds());
            if (call.calledFunction() != null) {
                sources.addAll(seedsOfFunction(call.calledFunction(), visiting));
            }
        }
        visiting.remove(function);
        functionSeeds.put(function, sources);
        return sources;
    }
}
