package dev.pitfall.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Module;
import dev.pitfall.parser.ParseResult;
import dev.pitfall.source.SourceFile;
import dev.pitfall.testing.CpythonAst;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our scopes against CPython 3.13's {@code symtable} on tricky snippets: every table, every
 * symbol, its scope (LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT) and whether it is a
 * parameter. CPython 3.13 inlines list, set and dict comprehensions into the enclosing table (PEP
 * 709) while our model keeps them as the scopes the language defines, so the comparison view
 * folds our comprehension scopes into their parents the way CPython's inline_comprehension does.
 */
class ScopeOracleTest {
    private static final List<String> SNIPPETS = List.of(
            // nested functions, nonlocal, global
            """
            counter = 0
            def outer(a, *args, b=1, **kw):
                total = a
                def inner(c):
                    nonlocal total
                    global counter
                    counter += 1
                    total += c
                    return total + b
                return inner
            """,
            // class bodies do not enclose their methods
            """
            x = "module"
            class C:
                x = "class"
                y = x
                def m(self):
                    return x
                z = [x for _ in range(3)]
                g = (x for _ in range(3))
            """,
            // a function's variable seen through a class body, which also binds the name
            """
            def f():
                x = 1
                y = 2
                class C:
                    x = 3
                    def g(self):
                        return x + y
                return C
            """,
            // super() and __class__
            """
            class Base:
                def run(self):
                    return super().run()
                def cls(self):
                    return __class__
                def plain(self):
                    return 1
            def not_a_method():
                return super()
            """,
            // lambdas, defaults evaluated outside, late binding
            """
            def make(n):
                fns = [lambda x, k=k: x * k + n for k in range(n)]
                late = [lambda: k for k in range(n)]
                return fns, late, (lambda: n)
            """,
            // walrus in comprehensions binds in the enclosing scope
            """
            def f(data):
                if any((hit := x) > 3 for x in data):
                    return hit
                [last := y for y in data]
                return last
            values = [total := v for v in range(3)]
            """,
            // global in a nested function shadowing an enclosing local
            """
            def f():
                x = 1
                def g():
                    global x
                    x = 2
                def h():
                    return x
                return g, h
            """,
            // comprehension variables captured by closures, nested comprehensions
            """
            def grid(rows, cols):
                cells = [[(r, c) for c in range(cols)] for r in range(rows)]
                getters = {name: (lambda: name) for name in ("a", "b")}
                gen = (lambda: r for r in rows)
                return cells, getters, gen
            """,
            // every binding statement
            """
            import os.path as osp, sys
            from collections import defaultdict as dd, Counter
            from . import sibling
            def f(path):
                try:
                    import json
                except ImportError as err:
                    print(err)
                with open(path) as fh, open(path) as (a, b):
                    for i, (j, *rest) in enumerate(fh):
                        del i
                match path:
                    case {"k": v, **others}:
                        pass
                    case [first, *tail] if first:
                        pass
                    case str() as s:
                        pass
                annotated: int
                x: int = 1
                return json, osp, dd, sys, Counter, sibling
            """,
            // async code
            """
            async def fetch(urls, session):
                results = [await session.get(u) async for u in urls]
                async with session as s:
                    async for chunk in s:
                        yield chunk, results
            """,
            // names only read, names declared global at module level, class-level global
            """
            global_only = 1
            def reader():
                return global_only + undefined_name + len([])
            class K:
                global g2
                g2 = 1
                def m(self):
                    return g2
            """,
            // a deep chain of closures through a class and a lambda
            """
            def a():
                v = 1
                def b():
                    class C:
                        def c(self):
                            return lambda: v
                    return C
                return b
            """,
            // comprehension reading an outer local that a lambda inside it captures
            """
            def f(items):
                scale = 2
                out = [lambda: scale * i for i in items]
                plain = [scale * i for i in items]
                return out, plain
            """,
            // PEP 695 generics: annotation scopes for type parameters and type aliases
            """
            def first[T](items: list[T]) -> T:
                return items[0]
            class Box[T]:
                def get(self) -> T:
                    return self.item
            type Pair[K] = tuple[K, K]
            type Alias = list[int]
            """,
            // private names are mangled inside classes, in methods and nested functions too
            """
            __module_private = 1
            class _Secret:
                __hidden = 1
                __dunder__ = 2
                def __method(self, __arg):
                    __local = __arg
                    return self.__hidden, __module_private, lambda: __local
            class ___:
                __kept = 1
            """,
            // a parenthesised annotated name without a value does not make the name local;
            // a global declaration of a private name in a method declares the mangled name
            """
            def f():
                (not_local): int
                annotated_only: int
                return not_local
            class Foo:
                def f(self):
                    global __x1
                    __x1 = 0
                    [__x1 := 2 for a in [3]]
                    return __x1
            """,
            // module-level comprehensions whose variables closures capture
            """
            _states = range(3)
            names = [tuple(i for i in range(3) if (1 << i) & s) for s in _states]
            for s in _states:
                pass
            fs = [lambda: x for x in range(3)]
            class C:
                gs = [lambda: y for y in range(3)]
            """,
            // decorators and class keywords are read in the enclosing scope
            """
            def deco(fn):
                return fn
            def outer(meta):
                @deco
                class Inner(object, metaclass=meta):
                    attr = meta
                return Inner
            """);

    /** Reads a JSON list of sources on stdin; prints, per source, its sorted symtable lines (null if rejected). */
    static final String SYMTABLE_DUMP = """
                import json, sys, symtable
                def table(t, path, out):
                    here = path + "/" + ("module" if t.get_type() == "module" else t.get_type()) + " " + t.get_name() + "@" + str(t.get_lineno())
                    for s in t.get_symbols():
                        if s.get_name().startswith("."):
                            continue
                        scope = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}[s._Symbol__scope]
                        out.append(here + ": " + s.get_name() + " " + scope + (" param" if s.is_parameter() else ""))
                    for c in t.get_children():
                        table(c, here, out)
                results = []
                for source in json.load(sys.stdin):
                    out = []
                    try:
                        table(symtable.symtable(source, "<snippet>", "exec"), "", out)
                        results.append(sorted(out))
                    except (SyntaxError, RecursionError):
                        results.append(None)
                print(json.dumps(results))
                """;

    private static JsonNode oracle;

    @BeforeAll
    static void runSymtable() throws Exception {
        String input = new ObjectMapper().writeValueAsString(SNIPPETS);
        oracle = new ObjectMapper().readTree(CpythonAst.runPython(SYMTABLE_DUMP, input));
    }

    @TestFactory
    Stream<DynamicTest> scopesMatchSymtable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            int index = i;
            String firstLine = SNIPPETS.get(i).lines().findFirst().orElse("");
            tests.add(DynamicTest.dynamicTest("snippet " + (i + 1) + ": " + firstLine, () -> {
                List<String> expected = new ArrayList<>();
                oracle.get(index).forEach(line -> expected.add(line.asText()));
                assertEquals(String.join("\n", expected), String.join("\n", ours(SNIPPETS.get(index))));
            }));
        }
        return tests.stream();
    }

    private static List<String> ours(String snippet) {
        SourceFile source = SourceFile.ofText("<snippet>", snippet);
        return symtableView(((ParseResult.Success) CpythonAst.parse(source)).module(), source);
    }

    /** Our scopes of a module, as the sorted lines {@link #SYMTABLE_DUMP} prints for CPython. */
    static List<String> symtableView(Module module, SourceFile source) {
        SemanticModel model = SemanticModel.build(module, source);
        List<String> lines = new ArrayList<>();
        table(model.moduleScope(), "", lines);
        lines.sort(null);
        return lines;
    }

    private static boolean inlined(Scope scope) {
        return scope.kind() == Scope.Kind.COMPREHENSION && !scope.name().equals("genexpr");
    }

    private static void table(Scope scope, String path, List<String> out) {
        String type = scope.kind() == Scope.Kind.MODULE ? "module"
                : scope.kind() == Scope.Kind.CLASS ? "class"
                : scope.kind() != Scope.Kind.TYPE_PARAMETERS ? "function"
                : scope.node() instanceof dev.pitfall.ast.TypeAlias && scope.children().isEmpty()
                        ? "type alias" : "type parameters";
        int line = scope.kind() == Scope.Kind.MODULE ? 0 : ((Located) scope.node()).lineno();
        String here = path + "/" + type + " " + scope.name() + "@" + line;
        Map<String, String> view = new TreeMap<>();
        Set<String> parameters = new HashSet<>();
        for (Symbol symbol : scope.symbols()) {
            view.put(symbol.name(), symbol.resolution().name());
            if (symbol.isParameter()) {
                parameters.add(symbol.name());
            }
        }
        List<Scope> tables = new ArrayList<>();
        foldInlined(scope, view, tables);
        for (Map.Entry<String, String> entry : view.entrySet()) {
            Symbol own = scope.symbol(entry.getKey());
            if (entry.getValue().equals("CELL_FROM_COMPREHENSION")) {
                entry.setValue("CELL");
            } else if (own != null && own.resolution() == Symbol.Resolution.CELL) {
                // Without inlining, a comprehension reading the name makes it a cell; CPython 3.13
                // keeps it local unless a scope that is not inlined captures it.
                entry.setValue(capturedOutsideInlined(scope, own) ? "CELL" : "LOCAL");
            }
        }
        view.forEach((name, resolution) -> out.add(here + ": " + name + " " + resolution
                + (parameters.contains(name) ? " param" : "")));
        for (Scope child : tables) {
            table(child, here, out);
        }
    }

    /**
     * CPython's inline_comprehension: a comprehension's names missing from the parent are copied
     * with their scope; a name that is a cell in the comprehension is a cell in the parent. The
     * comprehension's own child tables become the parent's.
     */
    private static void foldInlined(Scope scope, Map<String, String> view, List<Scope> tables) {
        for (Scope child : scope.children()) {
            if (!inlined(child)) {
                tables.add(child);
                continue;
            }
            Map<String, String> childView = new TreeMap<>();
            for (Symbol symbol : child.symbols()) {
                childView.put(symbol.name(), symbol.resolution().name());
            }
            List<Scope> grandChildren = new ArrayList<>();
            foldInlined(child, childView, grandChildren);
            Set<String> freeBelowChild = freeInTables(grandChildren);
            for (Map.Entry<String, String> entry : childView.entrySet()) {
                String resolution = entry.getValue();
                Symbol inner = child.symbol(entry.getKey());
                boolean cell = inner != null && inner.isLocal() && freeBelowChild.contains(entry.getKey())
                        || resolution.equals("CELL_FROM_COMPREHENSION");
                String existing = view.get(entry.getKey());
                if (existing == null) {
                    view.put(entry.getKey(), cell ? "CELL_FROM_COMPREHENSION"
                            : resolution.equals("CELL") ? "LOCAL" : resolution);
                } else if (cell && scope.isFunctionLike() && (existing.equals("LOCAL") || existing.equals("CELL"))) {
                    view.put(entry.getKey(), "CELL_FROM_COMPREHENSION");
                }
            }
            tables.addAll(grandChildren);
        }
    }

    /** Names free in any of these tables (their own symbols, not their children's). */
    private static Set<String> freeInTables(List<Scope> tables) {
        Set<String> free = new HashSet<>();
        for (Scope table : tables) {
            for (Symbol symbol : table.symbols()) {
                if (symbol.resolution() == Symbol.Resolution.FREE) {
                    free.add(symbol.name());
                }
            }
        }
        return free;
    }

    /** True when a scope below {@code scope} that CPython does not inline has {@code symbol} free. */
    private static boolean capturedOutsideInlined(Scope scope, Symbol symbol) {
        for (Scope child : scope.children()) {
            Symbol free = child.symbol(symbol.name());
            if (!inlined(child) && free != null && free.resolution() == Symbol.Resolution.FREE
                    && child.resolve(symbol.name()) == symbol) {
                return true;
            }
            if (capturedOutsideInlined(child, symbol)) {
                return true;
            }
        }
        return false;
    }
}
