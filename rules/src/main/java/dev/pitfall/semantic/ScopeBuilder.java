package dev.pitfall.semantic;

import dev.pitfall.ast.Alias;
import dev.pitfall.ast.AnnAssign;
import dev.pitfall.ast.Arg;
import dev.pitfall.ast.Arguments;
import dev.pitfall.ast.Assign;
import dev.pitfall.ast.Attribute;
import dev.pitfall.ast.AsyncFor;
import dev.pitfall.ast.AsyncFunctionDef;
import dev.pitfall.ast.AsyncWith;
import dev.pitfall.ast.AugAssign;
import dev.pitfall.ast.BinOp;
import dev.pitfall.ast.Call;
import dev.pitfall.ast.ClassDef;
import dev.pitfall.ast.Comprehension;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.Delete;
import dev.pitfall.ast.DictComp;
import dev.pitfall.ast.ExceptHandler;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Expression;
import dev.pitfall.ast.For;
import dev.pitfall.ast.FunctionDef;
import dev.pitfall.ast.GeneratorExp;
import dev.pitfall.ast.Global;
import dev.pitfall.ast.Import;
import dev.pitfall.ast.ImportFrom;
import dev.pitfall.ast.Keyword;
import dev.pitfall.ast.Lambda;
import dev.pitfall.ast.ListComp;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.MatchAs;
import dev.pitfall.ast.MatchMapping;
import dev.pitfall.ast.MatchStar;
import dev.pitfall.ast.Module;
import dev.pitfall.ast.Name;
import dev.pitfall.ast.NamedExpr;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.NodeStack;
import dev.pitfall.ast.Nodes;
import dev.pitfall.ast.Nonlocal;
import dev.pitfall.ast.ParamSpec;
import dev.pitfall.ast.SetComp;
import dev.pitfall.ast.Starred;
import dev.pitfall.ast.Statement;
import dev.pitfall.ast.Subscript;
import dev.pitfall.ast.Tuple;
import dev.pitfall.ast.TypeAlias;
import dev.pitfall.ast.TypeParam;
import dev.pitfall.ast.TypeVar;
import dev.pitfall.ast.TypeVarTuple;
import dev.pitfall.ast.With;
import dev.pitfall.ast.WithItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the scope tree in two passes as CPython's symtable does: first record what each scope
 * binds, declares and uses, then classify every symbol (local, cell, free, global).
 */
final class ScopeBuilder {
    private static final String CLASS_CELL = "__class__";

    final IdentityTable<Node, Scope> scopeByNode;
    /**
     * The scope in which names, statements, scope-creating expressions, handlers, patterns and
     * keywords are evaluated; other nodes inherit their parent's.
     */
    final IdentityTable<Node, Scope> evaluatedIn;
    /** The binding each Name in store or delete context makes. */
    final IdentityTable<Name, Binding> bindingByName;
    /** The bindings each binding node makes (a node such as an Alias or a FunctionDef). */
    final IdentityTable<Node, List<Binding>> bindingsByNode;
    private final List<Binding> allBindings = new ArrayList<>();
    /**
     * The call each lambda is passed to (as an argument or a keyword's value), or the subscript
     * whose index it is: pandas passes its parameter a known kind of value there. Noted during
     * the walk so that no parent map of the whole file is needed; null until a file has one.
     */
    IdentityTable<Lambda, Node> lambdaSites;

    private Scope top;

    /**
     * Sized from the length of the source so that the tables rarely grow: on the stdlib a file has
     * one name, statement or other node whose scope is recorded per 21 characters (a quarter of the
     * files per 17 or fewer), one load per 43 and one binding per 104.
     */
    ScopeBuilder(int sourceLength) {
        scopeByNode = new IdentityTable<>(sourceLength / 512);
        evaluatedIn = new IdentityTable<>(sourceLength / 16);
        bindingByName = new IdentityTable<>(sourceLength / 80);
        bindingsByNode = new IdentityTable<>(sourceLength / 80);
    }
    /**
     * Children waiting to be visited, shared by all levels of the recursion (each visits and pops
     * what it pushed): walking children through {@link Node#pushChildren} allocates nothing.
     */
    private final NodeStack pending = new NodeStack();

    /** PEP 563 ({@code from __future__ import annotations}): annotations are never evaluated. */
    private boolean postponedAnnotations;

    Scope build(Module module) {
        for (Statement statement : module.body()) {
            if (statement instanceof ImportFrom && "__future__".equals(((ImportFrom) statement).module())
                    && ((ImportFrom) statement).names().stream().anyMatch(a -> a.name().equals("annotations"))) {
                postponedAnnotations = true;
            }
        }
        top = new Scope(Scope.Kind.MODULE, module, null, "top");
        scopeByNode.put(module, top);
        statements(module.body(), top);
        analyze(top, Set.of(), new HashSet<>());
        relocateBindings(top);
        return top;
    }

    /**
     * A binding of a name declared global or nonlocal binds the module's or the enclosing
     * function's variable: move it to that symbol, so reaching definitions see it there.
     */
    private void relocateBindings(Scope scope) {
        for (Symbol symbol : scope.symbolsShared()) {
            boolean elsewhere = symbol.resolution() == Symbol.Resolution.GLOBAL_EXPLICIT && scope != top
                    || symbol.resolution() == Symbol.Resolution.FREE;
            if (!elsewhere || symbol.bindingsShared().isEmpty()) {
                continue;
            }
            Symbol owner = symbol.resolution() == Symbol.Resolution.FREE
                    ? scope.resolve(symbol.name()) : top.symbolFor(symbol.name());
            if (owner == null || owner == symbol) {
                continue;
            }
            for (Binding binding : symbol.takeBindings()) {
                binding.moveTo(owner);
                owner.addBinding(binding);
                owner.markBound();
            }
        }
        for (Scope child : scope.children()) {
            relocateBindings(child);
        }
    }

    /** CPython records a global declaration in the module's table too. */
    private void declareGlobal(Scope scope, String name) {
        scope.symbolFor(name).markDeclaredGlobal();
        if (scope != top) {
            top.symbolFor(scope.mangle(name)).markDeclaredGlobal();
        }
    }

    List<Binding> allBindings() {
        return allBindings;
    }

    private void statements(List<Statement> body, Scope scope) {
        for (Statement statement : body) {
            visit(statement, scope);
        }
    }

    private void visitAll(List<? extends Node> nodes, Scope scope) {
        for (Node node : nodes) {
            visit(node, scope);
        }
    }

    private void visit(Node node, Scope scope) {
        if (node == null) {
            return;
        }
        // The commonest nodes (seven visits in ten on ML code), tested first, a class test each; the
        // rest go through visitOther's longer chain, whose interface tests (Statement, Pattern)
        // take C1's slow subtype check when they fail.
        if (node instanceof Name name) {
            if (name.ctx() == ExprContext.Load) {
                evaluatedIn.put(name, scope);
                use(name, scope);
            } else {
                bind(name, scope, name.ctx() == ExprContext.Del ? Binding.Kind.DELETION
                        : Binding.Kind.ASSIGNMENT, name, null, List.of());
            }
        } else if (node instanceof Constant) {
            // No children.
        } else if (node instanceof Call call) {
            int mark = pending.size();
            call.pushChildren(pending);
            noteLambdaArguments(call, mark);
            visitPending(mark, scope);
        } else if (node instanceof Attribute attribute) {
            visit(attribute.value(), scope);
        } else if (node instanceof Keyword keyword) {
            evaluatedIn.put(keyword, scope);
            visit(keyword.value(), scope);
        } else {
            visitOther(node, scope);
        }
    }

    private void visitOther(Node node, Scope scope) {
        if (node instanceof Statement || node instanceof Lambda
                || node instanceof ListComp || node instanceof SetComp || node instanceof GeneratorExp
                || node instanceof DictComp || node instanceof ExceptHandler
                || node instanceof dev.pitfall.ast.Pattern) {
            // Other nodes find their scope through their parents (SemanticModel.scopeContaining).
            evaluatedIn.put(node, scope);
        }
        if (node instanceof BinOp chain) {
            int mark = pending.size();
            Nodes.pushOperands(chain, pending);
            visitPending(mark, scope);
        } else if (node instanceof FunctionDef) {
            FunctionDef f = (FunctionDef) node;
            function(f, f.name(), f.args(), f.body(), f.decorator_list(), f.returns(), f.type_params(), scope);
        } else if (node instanceof AsyncFunctionDef) {
            AsyncFunctionDef f = (AsyncFunctionDef) node;
            function(f, f.name(), f.args(), f.body(), f.decorator_list(), f.returns(), f.type_params(), scope);
        } else if (node instanceof ClassDef) {
            classDef((ClassDef) node, scope);
        } else if (node instanceof Lambda) {
            Lambda lambda = (Lambda) node;
            defaults(lambda.args(), scope);
            Scope inner = new Scope(Scope.Kind.LAMBDA, lambda, scope, "lambda");
            scopeByNode.put(lambda, inner);
            parameters(lambda.args(), lambda, inner, false);
            visit(lambda.body(), inner);
        } else if (node instanceof ListComp) {
            ListComp c = (ListComp) node;
            comprehension(c, "listcomp", c.generators(), List.of(c.elt()), scope);
        } else if (node instanceof SetComp) {
            SetComp c = (SetComp) node;
            comprehension(c, "setcomp", c.generators(), List.of(c.elt()), scope);
        } else if (node instanceof GeneratorExp) {
            GeneratorExp c = (GeneratorExp) node;
            comprehension(c, "genexpr", c.generators(), List.of(c.elt()), scope);
        } else if (node instanceof DictComp) {
            DictComp c = (DictComp) node;
            comprehension(c, "dictcomp", c.generators(), List.of(c.key(), c.value()), scope);
        } else if (node instanceof Assign) {
            Assign assign = (Assign) node;
            visit(assign.value(), scope);
            for (Expression target : assign.targets()) {
                target(target, scope, Binding.Kind.ASSIGNMENT, assign, assign.value(), List.of());
            }
        } else if (node instanceof AugAssign) {
            AugAssign assign = (AugAssign) node;
            visit(assign.value(), scope);
            if (assign.target() instanceof Name) {
                Name target = (Name) assign.target();
                use(target, scope);
                bind(target, scope, Binding.Kind.AUGMENTED_ASSIGNMENT, assign, assign.value(), List.of());
            } else {
                visit(assign.target(), scope);
            }
        } else if (node instanceof AnnAssign) {
            annAssign((AnnAssign) node, scope);
        } else if (node instanceof NamedExpr) {
            NamedExpr named = (NamedExpr) node;
            visit(named.value(), scope);
            namedTarget((Name) named.target(), named, scope);
        } else if (node instanceof For) {
            For loop = (For) node;
            visit(loop.iter(), scope);
            target(loop.target(), scope, Binding.Kind.FOR_TARGET, loop, loop.iter(), List.of());
            statements(loop.body(), scope);
            statements(loop.orelse(), scope);
        } else if (node instanceof AsyncFor) {
            AsyncFor loop = (AsyncFor) node;
            visit(loop.iter(), scope);
            target(loop.target(), scope, Binding.Kind.FOR_TARGET, loop, loop.iter(), List.of());
            statements(loop.body(), scope);
            statements(loop.orelse(), scope);
        } else if (node instanceof With) {
            withItems(((With) node).items(), scope);
            statements(((With) node).body(), scope);
        } else if (node instanceof AsyncWith) {
            withItems(((AsyncWith) node).items(), scope);
            statements(((AsyncWith) node).body(), scope);
        } else if (node instanceof ExceptHandler) {
            ExceptHandler handler = (ExceptHandler) node;
            visit(handler.type(), scope);
            if (handler.name() != null) {
                addBinding(scope.symbolFor(handler.name()), Binding.Kind.EXCEPT_HANDLER, handler,
                        handler, null, List.of(), null);
            }
            statements(handler.body(), scope);
        } else if (node instanceof Import) {
            for (Alias alias : ((Import) node).names()) {
                importName(alias, (Import) node, scope);
            }
        } else if (node instanceof ImportFrom) {
            ImportFrom from = (ImportFrom) node;
            for (Alias alias : from.names()) {
                importFrom(alias, from, scope);
            }
        } else if (node instanceof Global) {
            for (String name : ((Global) node).names()) {
                declareGlobal(scope, name);
            }
        } else if (node instanceof Nonlocal) {
            for (String name : ((Nonlocal) node).names()) {
                scope.symbolFor(name).markDeclaredNonlocal();
            }
        } else if (node instanceof Delete) {
            for (Expression target : ((Delete) node).targets()) {
                visit(target, scope);
            }
        } else if (node instanceof MatchAs || node instanceof MatchStar || node instanceof MatchMapping) {
            matchPattern(node, scope);
        } else if (node instanceof TypeAlias) {
            typeAlias((TypeAlias) node, scope);
        } else {
            if (node instanceof Subscript subscript && subscript.slice() instanceof Lambda lambda) {
                noteLambdaSite(lambda, subscript);
            }
            visitChildren(node, scope);
        }
    }

    /**
     * Notes the lambdas among the arguments and keyword values of {@code call}, whose children
     * were pushed onto {@link #pending} above {@code mark}: reading them there costs no iterator
     * and no interface call per argument, as a loop over {@code call.args()} would in C1 code.
     */
    private void noteLambdaArguments(Call call, int mark) {
        // The function is pushed last (on top): the slots below it hold the arguments and keywords.
        for (int i = mark; i < pending.size() - 1; i++) {
            Node argument = pending.get(i);
            if (argument instanceof Keyword keyword) {
                argument = keyword.value();
            }
            if (argument instanceof Lambda lambda) {
                noteLambdaSite(lambda, call);
            }
        }
    }

    private void noteLambdaSite(Lambda lambda, Node site) {
        if (lambdaSites == null) {
            lambdaSites = new IdentityTable<>(16);
        }
        lambdaSites.put(lambda, site);
    }

    private void visitChildren(Node node, Scope scope) {
        int mark = pending.size();
        node.pushChildren(pending);
        visitPending(mark, scope);
    }

    /** Visits, in the order they pop, the nodes pushed onto {@link #pending} above {@code mark}. */
    private void visitPending(int mark, Scope scope) {
        while (pending.size() > mark) {
            visit(pending.pop(), scope);
        }
    }

    private void use(Name name, Scope scope) {
        Symbol symbol = scope.symbolFor(name.id());
        symbol.markReferenced();
        symbol.addUse(name);
        if (name.id().equals("super") && scope.kind() != Scope.Kind.CLASS
                && scope.kind() != Scope.Kind.MODULE) {
            // CPython gives every function that mentions super an implicit use of __class__.
            scope.symbolFor(CLASS_CELL).markReferenced();
        }
    }

    private void bind(Name name, Scope scope, Binding.Kind kind, Node owner, Expression value,
            List<Integer> path) {
        evaluatedIn.put(name, scope);
        Binding binding = addBinding(scope.symbolFor(name.id()), kind, name, owner, value, path, null);
        bindingByName.put(name, binding);
    }

    private Binding addBinding(Symbol symbol, Binding.Kind kind, Located node, Node owner,
            Expression value, List<Integer> path, String importedName) {
        if (kind == Binding.Kind.PARAMETER) {
            symbol.markParameter();
        } else if (kind == Binding.Kind.IMPORT) {
            symbol.markImported();
        } else {
            symbol.markBound();
        }
        Binding binding = new Binding(allBindings.size(), symbol, kind, node, owner, value, path, importedName);
        symbol.addBinding(binding);
        allBindings.add(binding);
        List<Binding> made = bindingsByNode.get(node);
        if (made == null) {
            made = new ArrayList<>(1);
            bindingsByNode.put(node, made);
        }
        made.add(binding);
        return binding;
    }

    /** Binds the names of an assignment target; attribute and subscript targets only read names. */
    private void target(Expression target, Scope scope, Binding.Kind kind, Node owner,
            Expression value, List<Integer> path) {
        evaluatedIn.put(target, scope);
        if (target instanceof Name) {
            bind((Name) target, scope, kind, owner, value, path);
        } else if (target instanceof Tuple || target instanceof dev.pitfall.ast.List) {
            List<Expression> elements = target instanceof Tuple ? ((Tuple) target).elts()
                    : ((dev.pitfall.ast.List) target).elts();
            for (int i = 0; i < elements.size(); i++) {
                target(elements.get(i), scope, kind, owner, value, append(path, i));
            }
        } else if (target instanceof Starred) {
            evaluatedIn.put(target, scope);
            target(((Starred) target).value(), scope, kind, owner, value, append(path, -1));
        } else {
            visit(target, scope);
        }
    }

    private static List<Integer> append(List<Integer> path, int index) {
        List<Integer> longer = new ArrayList<>(path);
        longer.add(index);
        return longer;
    }

    private void annAssign(AnnAssign assign, Scope scope) {
        annotation(assign.annotation(), scope);
        visit(assign.value(), scope);
        if (assign.target() instanceof Name) {
            Name target = (Name) assign.target();
            evaluatedIn.put(target, scope);
            Symbol symbol = scope.symbolFor(target.id());
            symbol.markAnnotated();
            if (assign.value() != null) {
                bind(target, scope, Binding.Kind.ANNOTATED_ASSIGNMENT, assign, assign.value(), List.of());
            } else if (assign.simple() == 1 && !symbol.isDeclaredGlobal() && !symbol.isDeclaredNonlocal()) {
                // `x: int` alone makes x local to the scope without binding a value; `(x): int` does not.
                symbol.markBound();
            }
        } else {
            visit(assign.target(), scope);
        }
    }

    /** PEP 572: a walrus in a comprehension binds in the nearest enclosing non-comprehension scope. */
    private void namedTarget(Name target, NamedExpr owner, Scope scope) {
        Scope binder = scope;
        while (binder.kind() == Scope.Kind.COMPREHENSION) {
            Symbol passThrough = binder.symbolFor(target.id());
            passThrough.markReferenced();
            if (binder.parent().kind() == Scope.Kind.MODULE) {
                declareGlobal(binder, target.id());
            } else {
                passThrough.markDeclaredNonlocal();
            }
            binder = binder.parent();
        }
        bind(target, binder, Binding.Kind.NAMED_EXPRESSION, owner, owner.value(), List.of());
        evaluatedIn.put(target, scope);
    }

    private void withItems(List<WithItem> items, Scope scope) {
        for (WithItem item : items) {
            visit(item.context_expr(), scope);
            if (item.optional_vars() != null) {
                target(item.optional_vars(), scope, Binding.Kind.WITH_TARGET, item,
                        item.context_expr(), List.of());
            }
        }
    }

    private void importName(Alias alias, Import owner, Scope scope) {
        evaluatedIn.put(alias, scope);
        String bound;
        String qualified;
        if (alias.asname() != null) {
            bound = alias.asname();
            qualified = alias.name();
        } else {
            // `import numpy.random` binds `numpy` to the top-level package.
            int dot = alias.name().indexOf('.');
            bound = dot < 0 ? alias.name() : alias.name().substring(0, dot);
            qualified = bound;
        }
        addBinding(scope.symbolFor(bound), Binding.Kind.IMPORT, alias, owner, null, List.of(), qualified);
    }

    private void importFrom(Alias alias, ImportFrom owner, Scope scope) {
        evaluatedIn.put(alias, scope);
        if (alias.name().equals("*")) {
            return;
        }
        String bound = alias.asname() != null ? alias.asname() : alias.name();
        int level = owner.level() == null ? 0 : owner.level();
        String module = owner.module() == null ? "" : owner.module();
        String prefix = ".".repeat(level) + module;
        String qualified = prefix.isEmpty() || prefix.endsWith(".") ? prefix + alias.name()
                : prefix + "." + alias.name();
        addBinding(scope.symbolFor(bound), Binding.Kind.IMPORT, alias, owner, null, List.of(), qualified);
    }

    private void function(Statement def, String name, Arguments args, List<Statement> body,
            List<Expression> decorators, Expression returns, List<TypeParam> typeParams, Scope scope) {
        visitAll(decorators, scope);
        defaults(args, scope);
        Scope annotationScope = typeParameters(def, name, typeParams, scope);
        annotations(args, annotationScope);
        annotation(returns, annotationScope);
        addBinding(scope.symbolFor(name), Binding.Kind.FUNCTION, def, def, null, List.of(), null);
        Scope inner = new Scope(Scope.Kind.FUNCTION, def, annotationScope, name);
        scopeByNode.put(def, inner);
        parameters(args, def, inner, true);
        statements(body, inner);
    }

    private void defaults(Arguments args, Scope scope) {
        visitAll(args.defaults(), scope);
        for (Expression kwDefault : args.kw_defaults()) {
            visit(kwDefault, scope);
        }
    }

    private void annotations(Arguments args, Scope scope) {
        for (Arg arg : allParameters(args)) {
            annotation(arg.annotation(), scope);
        }
    }

    private void annotation(Expression annotation, Scope scope) {
        if (!postponedAnnotations) {
            visit(annotation, scope);
        }
    }

    private void parameters(Arguments args, Node owner, Scope scope, boolean annotated) {
        List<Arg> positional = new ArrayList<>(args.posonlyargs());
        positional.addAll(args.args());
        int firstWithDefault = positional.size() - args.defaults().size();
        for (int i = 0; i < positional.size(); i++) {
            Expression defaultValue = i >= firstWithDefault ? args.defaults().get(i - firstWithDefault) : null;
            parameter(positional.get(i), owner, defaultValue, scope, annotated);
        }
        if (args.vararg() != null) {
            parameter(args.vararg(), owner, null, scope, annotated);
        }
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            parameter(args.kwonlyargs().get(i), owner, args.kw_defaults().get(i), scope, annotated);
        }
        if (args.kwarg() != null) {
            parameter(args.kwarg(), owner, null, scope, annotated);
        }
    }

    private void parameter(Arg arg, Node owner, Expression defaultValue, Scope scope, boolean annotated) {
        evaluatedIn.put(arg, scope);
        Symbol symbol = scope.symbolFor(arg.arg());
        if (annotated && arg.annotation() != null) {
            symbol.markAnnotated();
        }
        addBinding(symbol, Binding.Kind.PARAMETER, arg, owner, defaultValue, List.of(), null);
    }

    static List<Arg> allParameters(Arguments args) {
        List<Arg> all = new ArrayList<>(args.posonlyargs());
        all.addAll(args.args());
        if (args.vararg() != null) {
            all.add(args.vararg());
        }
        all.addAll(args.kwonlyargs());
        if (args.kwarg() != null) {
            all.add(args.kwarg());
        }
        return all;
    }

    private void classDef(ClassDef def, Scope scope) {
        visitAll(def.decorator_list(), scope);
        Scope outer = typeParameters(def, def.name(), def.type_params(), scope);
        visitAll(def.bases(), outer);
        for (Keyword keyword : def.keywords()) {
            visit(keyword, outer);
        }
        addBinding(scope.symbolFor(def.name()), Binding.Kind.CLASS, def, def, null, List.of(), null);
        Scope inner = new Scope(Scope.Kind.CLASS, def, outer, def.name());
        scopeByNode.put(def, inner);
        if (!def.type_params().isEmpty()) {
            // A generic class body binds __type_params__ before its first statement.
            inner.symbolFor("__type_params__").markBound();
        }
        statements(def.body(), inner);
    }

    /** PEP 695: type parameters live in an annotation scope between the definition and its body. */
    private Scope typeParameters(Node owner, String name, List<TypeParam> typeParams, Scope scope) {
        if (typeParams.isEmpty()) {
            return scope;
        }
        Scope parameters = new Scope(Scope.Kind.TYPE_PARAMETERS, owner, scope, name);
        for (TypeParam param : typeParams) {
            evaluatedIn.put(param, parameters);
            String paramName = param instanceof TypeVar ? ((TypeVar) param).name()
                    : param instanceof ParamSpec ? ((ParamSpec) param).name()
                    : ((TypeVarTuple) param).name();
            addBinding(parameters.symbolFor(paramName), Binding.Kind.TYPE_PARAMETER, param, owner,
                    null, List.of(), null);
            visitChildren(param, parameters);
        }
        return parameters;
    }

    private void typeAlias(TypeAlias alias, Scope scope) {
        Name name = (Name) alias.name();
        bind(name, scope, Binding.Kind.ASSIGNMENT, alias, alias.value(), List.of());
        Scope outer = typeParameters(alias, name.id(), alias.type_params(), scope);
        Scope valueScope = new Scope(Scope.Kind.TYPE_PARAMETERS, alias, outer, name.id());
        visit(alias.value(), valueScope);
    }

    private void comprehension(Expression node, String name, List<Comprehension> generators,
            List<Expression> elements, Scope scope) {
        // The first iterable is evaluated in the enclosing scope, everything else inside.
        visit(generators.get(0).iter(), scope);
        Scope inner = new Scope(Scope.Kind.COMPREHENSION, node, scope, name);
        scopeByNode.put(node, inner);
        for (int i = 0; i < generators.size(); i++) {
            Comprehension generator = generators.get(i);
            if (i > 0) {
                visit(generator.iter(), inner);
            }
            target(generator.target(), inner, Binding.Kind.COMPREHENSION_TARGET, generator,
                    generator.iter(), List.of());
            visitAll(generator.ifs(), inner);
        }
        visitAll(elements, inner);
    }

    private void matchPattern(Node pattern, Scope scope) {
        visitChildren(pattern, scope);
        String name = pattern instanceof MatchAs ? ((MatchAs) pattern).name()
                : pattern instanceof MatchStar ? ((MatchStar) pattern).name()
                : ((MatchMapping) pattern).rest();
        if (name != null) {
            addBinding(scope.symbolFor(name), Binding.Kind.MATCH_CAPTURE, (Located) pattern,
                    pattern, null, List.of(), null);
        }
    }

    /**
     * CPython's analyze_block: {@code enclosingBound} holds the names bound in enclosing function
     * scopes; returns the names free in this scope or below that it does not bind itself.
     */
    private Set<String> analyze(Scope scope, Set<String> enclosingBound, Set<String> globals) {
        Set<String> localsHere = new HashSet<>();
        Set<String> globalsHere = new HashSet<>(globals);
        Set<String> freeHere = new HashSet<>();
        for (Symbol symbol : scope.symbolsShared()) {
            String name = symbol.name();
            if (symbol.isDeclaredGlobal()) {
                symbol.setResolution(Symbol.Resolution.GLOBAL_EXPLICIT);
                globalsHere.add(name);
            } else if (symbol.isDeclaredNonlocal()) {
                symbol.setResolution(Symbol.Resolution.FREE);
                freeHere.add(name);
            } else if (symbol.isBound()) {
                // As in CPython, a name bound at module level is LOCAL to the module's table.
                symbol.setResolution(Symbol.Resolution.LOCAL);
                if (scope.kind() != Scope.Kind.MODULE) {
                    localsHere.add(name);
                }
                globalsHere.remove(name);
            } else if (enclosingBound.contains(name)) {
                symbol.setResolution(Symbol.Resolution.FREE);
                freeHere.add(name);
            } else {
                symbol.setResolution(Symbol.Resolution.GLOBAL_IMPLICIT);
            }
        }
        if (scope.children().isEmpty()) {
            // Most scopes (methods, lambdas, comprehensions): no sets to build for children.
            return freeHere;
        }
        Set<String> boundForChildren = new HashSet<>(enclosingBound);
        if (scope.kind() == Scope.Kind.CLASS) {
            boundForChildren.add(CLASS_CELL);
        } else if (scope.kind() != Scope.Kind.MODULE) {
            boundForChildren.addAll(localsHere);
            boundForChildren.removeAll(globalsExplicit(scope));
        }
        // Shared by the children: analyze only reads the sets it is given.
        Set<String> childGlobals = globalsHere;
        if (scope.kind() != Scope.Kind.CLASS && !globalsHere.isEmpty() && !localsHere.isEmpty()) {
            childGlobals = new HashSet<>(globalsHere);
            childGlobals.removeAll(localsHere);
        }
        Set<String> childFree = new HashSet<>();
        for (Scope child : scope.children()) {
            Set<String> childBound = boundForChildren;
            if (scope.kind() == Scope.Kind.CLASS && child.kind() == Scope.Kind.TYPE_PARAMETERS) {
                // PEP 695: a generic method's annotation scope sees the class's own names first.
                childBound = new HashSet<>(boundForChildren);
                childBound.removeAll(localsHere);
            }
            childFree.addAll(analyze(child, childBound, childGlobals));
        }
        for (String name : childFree) {
            Symbol symbol = scope.symbol(name);
            if (scope.kind() == Scope.Kind.CLASS && name.equals(CLASS_CELL)) {
                continue;
            }
            if (symbol != null && symbol.resolution() == Symbol.Resolution.LOCAL
                    && scope.kind() != Scope.Kind.CLASS) {
                symbol.setResolution(Symbol.Resolution.CELL);
            } else if (symbol != null && symbol.isLocal()) {
                // A class body binding the name does not capture it: the free variable passes through.
                freeHere.add(name);
            } else if (symbol == null || symbol.resolution() == Symbol.Resolution.GLOBAL_IMPLICIT) {
                scope.symbolFor(name).setResolution(Symbol.Resolution.FREE);
                freeHere.add(name);
            } else if (symbol.resolution() == Symbol.Resolution.FREE) {
                freeHere.add(name);
            }
        }
        return freeHere;
    }

    private static Set<String> globalsExplicit(Scope scope) {
        Set<String> names = new HashSet<>();
        for (Symbol symbol : scope.symbolsShared()) {
            if (symbol.resolution() == Symbol.Resolution.GLOBAL_EXPLICIT) {
                names.add(symbol.name());
            }
        }
        return names;
    }
}
