package dev.pitfall.semantic;

import dev.pitfall.ast.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python scope: the module, a class body, a function, a lambda, a comprehension or generator
 * expression, or the annotation scope of a generic definition's type parameters (PEP 695).
 * Symbols are classified as CPython's compiler does (see {@link Symbol.Resolution}).
 */
public final class Scope {
    public enum Kind {
        MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION, TYPE_PARAMETERS
    }

    private final Kind kind;
    private final Node node;
    private final Scope parent;
    private final String name;
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final List<Scope> children = new ArrayList<>();
    // Views made once: Collections.unmodifiable* call getClass, a native call in C1 code.
    private final Collection<Symbol> symbolsView = Collections.unmodifiableCollection(symbols.values());
    private final List<Scope> childrenView = Collections.unmodifiableList(children);

    /** The class whose private names (__x) are mangled in this scope, or null. */
    private final String privateClass;

    Scope(Kind kind, Node node, Scope parent, String name) {
        this.kind = kind;
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.privateClass = kind == Kind.CLASS ? name : parent == null ? null : parent.privateClass;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /**
     * Python's private name mangling: inside a class {@code C}, {@code __x} means {@code _C__x}
     * (leading underscores of the class name dropped; dunder names and all-underscore class
     * names are left alone). Symbols are stored under mangled names; lookups mangle for you.
     */
    public String mangle(String identifier) {
        if (privateClass == null || !identifier.startsWith("__") || identifier.endsWith("__")
                || identifier.indexOf('.') >= 0) {
            return identifier;
        }
        String stripped = privateClass.replaceFirst("^_+", "");
        return stripped.isEmpty() ? identifier : "_" + stripped + identifier;
    }

    public Kind kind() {
        return kind;
    }

    /** Module, ClassDef, FunctionDef, AsyncFunctionDef, Lambda, ListComp, SetComp, DictComp or GeneratorExp. */
    public Node node() {
        return node;
    }

    /** The lexically enclosing scope (a class body included), or null for the module. */
    public Scope parent() {
        return parent;
    }

    /** The function or class name; {@code lambda}, {@code listcomp}… as CPython's symtable says. */
    public String name() {
        return name;
    }

    public List<Scope> children() {
        return childrenView;
    }

    public Collection<Symbol> symbols() {
        return symbolsView;
    }

    /** As {@link #symbols}, without the unmodifiable view (see {@link Symbol#bindingsShared}). */
    Collection<Symbol> symbolsShared() {
        return symbols.values();
    }

    /** The symbol named {@code name} (mangled if private) in this scope's table, or null. */
    public Symbol symbol(String name) {
        return symbols.get(mangle(name));
    }

    /** True for scopes whose variables closures can capture: functions, lambdas, comprehensions. */
    public boolean isFunctionLike() {
        return kind == Kind.FUNCTION || kind == Kind.LAMBDA || kind == Kind.COMPREHENSION;
    }

    /**
     * The symbol that a name read in this scope refers to: this scope's own when it binds the name,
     * otherwise the enclosing function scope's for a free variable, or the module's for a global;
     * null for a builtin or an undefined name.
     */
    public Symbol resolve(String identifier) {
        String name = mangle(identifier);
        Symbol own = symbols.get(name);
        if (own != null) {
            switch (own.resolution()) {
                case LOCAL, CELL:
                    return own;
                case FREE:
                    return enclosingBinder(name);
                default:
                    return globalSymbol(name);
            }
        }
        return globalSymbol(name);
    }

    private Symbol enclosingBinder(String name) {
        for (Scope scope = parent; scope != null; scope = scope.parent) {
            if (scope.kind == Kind.CLASS || scope.kind == Kind.MODULE) {
                continue;
            }
            Symbol symbol = scope.symbols.get(name);
            if (symbol != null && (symbol.resolution() == Symbol.Resolution.CELL
                    || symbol.resolution() == Symbol.Resolution.LOCAL)) {
                return symbol;
            }
        }
        return null;
    }

    private Symbol globalSymbol(String name) {
        Scope module = this;
        while (module.parent != null) {
            module = module.parent;
        }
        Symbol symbol = module.symbols.get(name);
        return symbol != null && symbol.isBound() ? symbol : null;
    }

    Symbol symbolFor(String name) {
        // Not computeIfAbsent: its capturing lambda is allocated through a method handle
        // (Unsafe.allocateInstance, a native call) in C1-compiled code.
        String mangled = mangle(name);
        Symbol symbol = symbols.get(mangled);
        if (symbol == null) {
            symbol = new Symbol(mangled, this);
            symbols.put(mangled, symbol);
        }
        return symbol;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
