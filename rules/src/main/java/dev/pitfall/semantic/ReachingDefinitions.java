package dev.pitfall.semantic;

import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Assign;
import dev.pitfall.ast.AsyncFor;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.AsyncWith;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Break;
import dev.pitfall.ast.ClassDef;
import dev.pitfall.ast.Comprehension;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Continue;
import dev.pitfall.ast.ExceptHandler;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.For;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.If;
import dev.pitfall.ast.Import;
import dev.pitfall.ast.ImportFrom;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.Match;
import dev.pitfall.ast.MatchCase;
import dev.pitfall.ast.Module;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.NamedExpr;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.Raise;
import dev.pitfall.ast.Return;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Try;
import dev.pitfall.ast.TryStar;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.While;
import dev.pitfall.ast.With;
import dev.pitfall.ast.WithItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reaching definitions within each scope, in statement order over structured control flow:
 * branches merge, loops are run until their state is stable, return/raise/break/continue end a
 * path. For a name that is not local to the scope reading it (a global read in a function, a
 * free variable), every binding of the symbol it resolves to may reach: the function can run at
 * any time.
 */
final class ReachingDefinitions {
    private final ScopeBuilder scopes;
    private final IdentityTable<Name, Set<Binding>> atLoad;
    /** The definitions of its target reaching each augmented assignment (merged over loop passes). */
    private final IdentityTable<Statement, State> beforeStatement = new IdentityTable<>(0);
    private final Map<Symbol, Set<Binding>> allBindings = new HashMap<>();
    /**
     * The scopes whose symbols hold a parameter or type parameter binding: the others (the module,
     * class bodies, comprehensions) need no search of every binding of every symbol for them.
     */
    private final Set<Scope> parameterScopes = new HashSet<>();

    /** {@code sourceLength} sizes the table of loads (see the ScopeBuilder constructor). */
    ReachingDefinitions(ScopeBuilder scopes, Scope module, int sourceLength) {
        this.scopes = scopes;
        this.atLoad = new IdentityTable<>(sourceLength / 32);
        for (Binding binding : scopes.allBindings()) {
            if (binding.kind() == Binding.Kind.PARAMETER || binding.kind() == Binding.Kind.TYPE_PARAMETER) {
                parameterScopes.add(binding.symbol().scope());
            }
        }
        analyzeTree(module);
    }

    Set<Binding> reaching(Name load) {
        Set<Binding> found = atLoad.get(load);
        return found == null ? Set.of() : Collections.unmodifiableSet(found);
    }

    /**
     * As {@link #reaching}, without the unmodifiable view (Collections.unmodifiableSet calls
     * getClass, a native call in C1 code): for callers in this package, which never change it.
     */
    Set<Binding> reachingShared(Name load) {
        Set<Binding> found = atLoad.get(load);
        return found == null ? Set.of() : found;
    }

    /** The definitions of an augmented assignment's target reaching it; empty for other statements. */
    Set<Binding> reachingBefore(Statement statement, Symbol symbol) {
        State state = beforeStatement.get(statement);
        if (state == null || state.dead) {
            return Set.of();
        }
        Set<Binding> found = state.get(symbol);
        return found == null ? Set.of() : Collections.unmodifiableSet(found);
    }

    /** Every binding of a symbol, as a set shared by all the loads that any of them may reach. */
    private Set<Binding> allBindingsOf(Symbol symbol) {
        Set<Binding> all = allBindings.get(symbol);
        if (all == null) {
            all = new LinkedHashSet<>(symbol.bindingsShared());
            allBindings.put(symbol, all);
        }
        return all;
    }

    private void analyzeTree(Scope scope) {
        new ScopeWalk(scope).run();
        for (Scope child : scope.children()) {
            analyzeTree(child);
        }
    }

    /**
     * The definitions that may reach a point; {@code dead} after return, raise, break, continue.
     * The sets are never changed once stored (gen and merge make new ones), so copies and merges
     * share them: most branches leave most symbols alone, and their merge is then no work. The map
     * itself is shared by a state and its copies until one of them writes (copy on write): most
     * copies (the state before a loop or a branch, at a break or continue) are only read.
     */
    static final class State {
        private Map<Symbol, Set<Binding>> definitions;
        /** Whether another state may hold {@link #definitions}: write to a copy of it then. */
        private boolean shared;
        boolean dead;

        State() {
            definitions = new HashMap<>();
        }

        private State(Map<Symbol, Set<Binding>> definitions, boolean dead) {
            this.definitions = definitions;
            this.dead = dead;
            this.shared = true;
        }

        State copy() {
            shared = true;
            return new State(definitions, dead);
        }

        Set<Binding> get(Symbol symbol) {
            return definitions.get(symbol);
        }

        void put(Symbol symbol, Set<Binding> reaching) {
            if (shared) {
                definitions = new HashMap<>(definitions);
                shared = false;
            }
            definitions.put(symbol, reaching);
        }

        static State merge(List<State> states) {
            State merged = null;
            for (State state : states) {
                if (state.dead) {
                    continue;
                }
                if (merged == null) {
                    // What the first live state holds, unchanged: start from (a copy of) it.
                    merged = state.copy();
                    continue;
                }
                for (Map.Entry<Symbol, Set<Binding>> entry : state.definitions.entrySet()) {
                    Set<Binding> known = merged.definitions.get(entry.getKey());
                    Set<Binding> union = union(known, entry.getValue());
                    if (union != known) {
                        merged.put(entry.getKey(), union);
                    }
                }
            }
            if (merged == null) {
                merged = new State();
                merged.dead = true;
            }
            return merged;
        }

        /**
         * {@code known} then the new elements of {@code more}, in that order; one of the two sets
         * itself when it holds everything (the sets are never changed, so they can be shared).
         */
        static Set<Binding> union(Set<Binding> known, Set<Binding> more) {
            if (known == null || known == more) {
                return more;
            }
            if (known.containsAll(more)) {
                return known;
            }
            Set<Binding> union = new LinkedHashSet<>(known);
            union.addAll(more);
            return union;
        }

        boolean sameAs(State other) {
            return dead == other.dead && definitions.equals(other.definitions);
        }
    }

    private final class ScopeWalk {
        private final Scope scope;
        private final List<State> breaks = new ArrayList<>();
        private final List<State> continues = new ArrayList<>();
        /** Nodes waiting to be visited, shared by all levels of the recursion (see expressionChildren). */
        private final NodeStack pending = new NodeStack();
        private final Map<Symbol, Set<Binding>> fromOtherScopes = new HashMap<>();

        ScopeWalk(Scope scope) {
            this.scope = scope;
        }

        void run() {
            State state = new State();
            Node node = scope.node();
            if (scope.kind() == Scope.Kind.COMPREHENSION) {
                // Loads in a comprehension run once per element: every target binding may reach.
                for (Symbol symbol : scope.symbolsShared()) {
                    if (symbol.isLocal()) {
                        state.put(symbol, new LinkedHashSet<>(symbol.bindingsShared()));
                    }
                }
                expressionChildren(node, state);
                return;
            }
            if (parameterScopes.contains(scope)) {
                for (Symbol symbol : scope.symbolsShared()) {
                    for (Binding binding : symbol.bindingsShared()) {
                        if (binding.kind() == Binding.Kind.PARAMETER
                                || binding.kind() == Binding.Kind.TYPE_PARAMETER) {
                            gen(binding, state);
                        }
                    }
                }
            }
            if (scope.kind() == Scope.Kind.LAMBDA) {
                expression(((Lambda) node).body(), state);
            } else if (scope.kind() == Scope.Kind.FUNCTION) {
                block(node instanceof FunctionDef ? ((FunctionDef) node).body()
                        : ((AsyncFunctionDef) node).body(), state);
            } else if (scope.kind() == Scope.Kind.CLASS) {
                block(((ClassDef) node).body(), state);
            } else if (scope.kind() == Scope.Kind.MODULE) {
                block(((Module) node).body(), state);
            } else {
                // Annotation scopes of type parameters: only expressions, read in any order.
                expressionChildren(node, state);
            }
        }

        private State block(List<Statement> body, State state) {
            State current = state;
            for (Statement statement : body) {
                current = statement(statement, current);
            }
            return current;
        }

        private State statement(Statement statement, State state) {
            if (statement instanceof AugAssign && ((AugAssign) statement).target() instanceof Name) {
                // Only an augmented assignment needs the value its target had before it.
                Symbol target = scope.symbol(((Name) ((AugAssign) statement).target()).id());
                State before = new State();
                before.dead = state.dead;
                Set<Binding> defs = target == null ? null : state.get(target);
                if (defs != null) {
                    before.put(target, defs);
                }
                State known = beforeStatement.get(statement);
                beforeStatement.put(statement, known == null ? before : State.merge(List.of(known, before)));
            }
            if (state.dead) {
                return state;
            }
            if (statement instanceof Assign) {
                Assign assign = (Assign) statement;
                expression(assign.value(), state);
                for (Expression target : assign.targets()) {
                    target(target, state);
                }
            } else if (statement instanceof AugAssign) {
                AugAssign assign = (AugAssign) statement;
                expression(assign.value(), state);
                if (assign.target() instanceof Name) {
                    load((Name) assign.target(), state);
                }
                target(assign.target(), state);
            } else if (statement instanceof AnnAssign) {
                AnnAssign assign = (AnnAssign) statement;
                if (assign.value() != null) {
                    expression(assign.value(), state);
                    target(assign.target(), state);
                }
            } else if (statement instanceof For) {
                For loop = (For) statement;
                expression(loop.iter(), state);
                return loop(state, null, loop.target(), loop.body(), loop.orelse());
            } else if (statement instanceof AsyncFor) {
                AsyncFor loop = (AsyncFor) statement;
                expression(loop.iter(), state);
                return loop(state, null, loop.target(), loop.body(), loop.orelse());
            } else if (statement instanceof While) {
                While loop = (While) statement;
                expression(loop.test(), state);
                return loop(state, loop.test(), null, loop.body(), loop.orelse());
            } else if (statement instanceof If) {
                If branch = (If) statement;
                expression(branch.test(), state);
                State taken = block(branch.body(), state.copy());
                State other = block(branch.orelse(), state.copy());
                return State.merge(List.of(taken, other));
            } else if (statement instanceof With || statement instanceof AsyncWith) {
                List<WithItem> items = statement instanceof With ? ((With) statement).items()
                        : ((AsyncWith) statement).items();
                for (WithItem item : items) {
                    expression(item.context_expr(), state);
                    if (item.optional_vars() != null) {
                        target(item.optional_vars(), state);
                    }
                }
                return block(statement instanceof With ? ((With) statement).body()
                        : ((AsyncWith) statement).body(), state);
            } else if (statement instanceof Try) {
                Try t = (Try) statement;
                return tryStatement(state, t.body(), t.handlers(), t.orelse(), t.finalbody());
            } else if (statement instanceof TryStar) {
                TryStar t = (TryStar) statement;
                return tryStatement(state, t.body(), t.handlers(), t.orelse(), t.finalbody());
            } else if (statement instanceof Match) {
                Match match = (Match) statement;
                expression(match.subject(), state);
                List<State> outcomes = new ArrayList<>();
                outcomes.add(state.copy());
                for (MatchCase matchCase : match.cases()) {
                    State caseState = state.copy();
                    patternBindings(matchCase.pattern(), caseState);
                    if (matchCase.guard() != null) {
                        expression(matchCase.guard(), caseState);
                    }
                    outcomes.add(block(matchCase.body(), caseState));
                }
                return State.merge(outcomes);
            } else if (statement instanceof Return || statement instanceof Raise) {
                expressionChildren(statement, state);
                state.dead = true;
            } else if (statement instanceof Break) {
                breaks.add(state.copy());
                state.dead = true;
            } else if (statement instanceof Continue) {
                continues.add(state.copy());
                state.dead = true;
            } else if (statement instanceof FunctionDef || statement instanceof AsyncFunctionDef
                    || statement instanceof ClassDef) {
                // Decorators, defaults, bases and annotations are read here; the body is another scope.
                definitionHeader(statement, state);
                definitionBinding(statement, state);
            } else if (statement instanceof Import || statement instanceof ImportFrom) {
                for (Node alias : statement.children()) {
                    definitionBinding(alias, state);
                }
            } else {
                expressionChildren(statement, state);
            }
            return state;
        }

        /**
         * The children of a definition but its body, in field order (as expressionChildren would
         * visit them, without pushing the body's statements only to skip them).
         */
        private void definitionHeader(Statement definition, State state) {
            int mark = pending.size();
            if (definition instanceof FunctionDef f) {
                pending.pushAll(f.type_params());
                pending.push(f.returns());
                pending.pushAll(f.decorator_list());
                pending.push(f.args());
            } else if (definition instanceof AsyncFunctionDef f) {
                pending.pushAll(f.type_params());
                pending.push(f.returns());
                pending.pushAll(f.decorator_list());
                pending.push(f.args());
            } else {
                ClassDef c = (ClassDef) definition;
                pending.pushAll(c.type_params());
                pending.pushAll(c.decorator_list());
                pending.pushAll(c.keywords());
                pending.pushAll(c.bases());
            }
            visitPending(mark, state);
        }

        private State loop(State entry, Expression test, Expression target, List<Statement> body,
                List<Statement> orelse) {
            List<State> outerBreaks = new ArrayList<>(breaks);
            List<State> outerContinues = new ArrayList<>(continues);
            State head = entry.copy();
            List<State> loopBreaks = new ArrayList<>();
            for (int pass = 0; pass < 10; pass++) {
                breaks.clear();
                continues.clear();
                State iteration = head.copy();
                if (target != null) {
                    target(target, iteration);
                }
                State end = block(body, iteration);
                List<State> backEdges = new ArrayList<>(continues);
                backEdges.add(end);
                backEdges.add(entry);
                State nextHead = State.merge(backEdges);
                if (test != null) {
                    expression(test, nextHead);
                }
                loopBreaks = new ArrayList<>(breaks);
                boolean stable = nextHead.sameAs(head);
                head = nextHead;
                if (stable) {
                    break;
                }
            }
            breaks.clear();
            breaks.addAll(outerBreaks);
            continues.clear();
            continues.addAll(outerContinues);
            State afterElse = block(orelse, head.copy());
            List<State> exits = new ArrayList<>(loopBreaks);
            exits.add(afterElse);
            return State.merge(exits);
        }

        private State tryStatement(State entry, List<Statement> body, List<ExceptHandler> handlers,
                List<Statement> orelse, List<Statement> finalbody) {
            State afterBody = block(body, entry.copy());
            // An exception can leave the body anywhere: handlers see what reached its start or end.
            State handlerEntry = State.merge(List.of(entry, afterBody));
            handlerEntry.dead = entry.dead;
            List<State> outcomes = new ArrayList<>();
            outcomes.add(block(orelse, afterBody));
            for (ExceptHandler handler : handlers) {
                State handlerState = handlerEntry.copy();
                if (handler.type() != null) {
                    expression(handler.type(), handlerState);
                }
                definitionBinding(handler, handlerState);
                outcomes.add(block(handler.body(), handlerState));
            }
            State merged = State.merge(outcomes);
            if (finalbody.isEmpty()) {
                return merged;
            }
            return block(finalbody, merged);
        }

        private void patternBindings(Node pattern, State state) {
            Nodes.walk(pattern, node -> {
                if (node instanceof Expression && scopes.evaluatedIn.get(node) == scope) {
                    if (node instanceof Name && ((Name) node).ctx() == ExprContext.Load) {
                        load((Name) node, state);
                    }
                }
                definitionBinding(node, state);
            });
        }

        /** Reads every name below {@code node} that this scope evaluates, in evaluation order. */
        private void expression(Expression expression, State state) {
            if (expression != null) {
                visitExpression(expression, state);
            }
        }

        private void expressionChildren(Node node, State state) {
            int mark = pending.size();
            node.pushChildren(pending);
            visitPending(mark, state);
        }

        /** Visits, in the order they pop, the nodes pushed onto {@link #pending} above {@code mark}. */
        private void visitPending(int mark, State state) {
            while (pending.size() > mark) {
                visitExpression(pending.pop(), state);
            }
        }

        private void visitExpression(Node node, State state) {
            // The commonest nodes first, each a class test; the interface test (Statement) takes
            // C1's slow subtype check when it fails.
            if (node instanceof Name name) {
                if (scopes.evaluatedIn.get(name) != scope) {
                    return;
                }
                if (name.ctx() == ExprContext.Load) {
                    load(name, state);
                } else {
                    target(name, state);
                }
                return;
            }
            if (node instanceof Constant) {
                return;
            }
            if (node instanceof Attribute attribute) {
                visitExpression(attribute.value(), state);
                return;
            }
            if (node instanceof Statement) {
                return;
            }
            if (node instanceof BinOp chain) {
                int mark = pending.size();
                Nodes.pushOperands(chain, pending);
                visitPending(mark, state);
                return;
            }
            if (node instanceof NamedExpr) {
                NamedExpr named = (NamedExpr) node;
                visitExpression(named.value(), state);
                Binding binding = scopes.bindingByName.get((Name) named.target());
                if (binding != null && binding.symbol().scope() == scope) {
                    gen(binding, state);
                }
                return;
            }
            if (node instanceof Lambda) {
                // Only the defaults are evaluated where the lambda is created.
                for (Expression defaultValue : ((Lambda) node).args().defaults()) {
                    visitExpression(defaultValue, state);
                }
                for (Expression defaultValue : ((Lambda) node).args().kw_defaults()) {
                    if (defaultValue != null) {
                        visitExpression(defaultValue, state);
                    }
                }
                return;
            }
            if (node instanceof ListComp || node instanceof SetComp || node instanceof GeneratorExp
                    || node instanceof DictComp) {
                // A comprehension: its first iterable is evaluated here, the rest in its own scope.
                boolean first = true;
                for (Node child : node.children()) {
                    if (child instanceof Comprehension && first) {
                        first = false;
                        visitExpression(((Comprehension) child).iter(), state);
                        walrusesBindingHere(child, state);
                    } else {
                        if (child instanceof Comprehension
                                && scopes.evaluatedIn.get(((Comprehension) child).iter()) == scope) {
                            // Comprehension nodes have no position of their own, so the first
                            // iterable is the first place marked as evaluated here.
                            visitExpression(((Comprehension) child).iter(), state);
                        }
                        walrusesBindingHere(child, state);
                    }
                }
                return;
            }
            expressionChildren(node, state);
        }

        /** A walrus inside a comprehension binds in this scope when the comprehension runs. */
        private void walrusesBindingHere(Node node, State state) {
            Nodes.walk(node, inner -> {
                if (inner instanceof NamedExpr) {
                    Binding binding = scopes.bindingByName.get((Name) ((NamedExpr) inner).target());
                    if (binding != null && binding.symbol().scope() == scope) {
                        gen(binding, state);
                    }
                }
            });
        }

        private void target(Expression target, State state) {
            if (target instanceof Name) {
                Binding binding = scopes.bindingByName.get((Name) target);
                if (binding != null) {
                    gen(binding, state);
                }
                return;
            }
            if (target instanceof Tuple || target instanceof dev.pitfall.ast.List
                    || target instanceof Starred) {
                for (Node child : target.children()) {
                    if (child instanceof Expression) {
                        target((Expression) child, state);
                    }
                }
                return;
            }
            // Attribute and subscript targets read their object and index.
            expressionChildren(target, state);
        }

        private void definitionBinding(Node node, State state) {
            for (Binding binding : bindingsOwnedBy(node)) {
                gen(binding, state);
            }
        }

        private List<Binding> bindingsOwnedBy(Node node) {
            return scopes.bindingsByNode.getOrDefault(node, List.of());
        }

        private void gen(Binding binding, State state) {
            state.put(binding.symbol(), Set.of(binding));
        }

        /**
         * Adds what reaches {@code name} here to what reached it on earlier passes over a loop.
         * The stored sets are shared with states (see {@link State}) and never changed.
         */
        private void load(Name name, State state) {
            Symbol own = scope.symbol(name.id());
            Set<Binding> reaching = atLoad.get(name);
            boolean flowSensitive = own != null && (own.isLocal()
                    || (scope.kind() == Scope.Kind.MODULE && own.isBound()));
            if (flowSensitive) {
                Set<Binding> defs = state.get(own);
                if (defs != null) {
                    reaching = State.union(reaching, defs);
                }
                if (own.resolution() == Symbol.Resolution.CELL || scope.kind() == Scope.Kind.MODULE) {
                    // A nested function declaring it nonlocal (or global) may rebind it whenever it runs.
                    Set<Binding> elsewhere = bindingsFromOtherScopes(own);
                    if (!elsewhere.isEmpty()) {
                        reaching = State.union(reaching, elsewhere);
                    }
                }
            } else {
                Symbol target = scope.resolve(name.id());
                if (target != null && !target.bindingsShared().isEmpty()) {
                    reaching = State.union(reaching, allBindingsOf(target));
                }
            }
            if (reaching != null) {
                atLoad.put(name, reaching);
            }
        }

        /** The bindings of a symbol of this scope made while evaluating another scope. */
        private Set<Binding> bindingsFromOtherScopes(Symbol symbol) {
            Set<Binding> elsewhere = fromOtherScopes.get(symbol);
            if (elsewhere == null) {
                elsewhere = new LinkedHashSet<>();
                for (Binding binding : symbol.bindingsShared()) {
                    if (scopes.evaluatedIn.get(binding.node()) != scope) {
                        elsewhere.add(binding);
                    }
                }
                fromOtherScopes.put(symbol, elsewhere);
            }
            return elsewhere;
        }
    }
}
