package dev.pitfall.semantic;

import dev.pitfall.ast.Name;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A name in one scope's table, with how CPython resolves it and every binding and use of it. */
public final class Symbol {
    /** CPython's classification (symtable's LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT). */
    public enum Resolution {
        /** Bound in this scope and not captured by any nested scope (module-level names too, as in CPython). */
        LOCAL,
        /** Bound in this scope and captured by a nested scope. */
        CELL,
        /** Bound in an enclosing function scope. */
        FREE,
        /** Declared {@code global}. */
        GLOBAL_EXPLICIT,
        /** Not bound here nor in any enclosing function: a module global or a builtin. */
        GLOBAL_IMPLICIT
    }

    private final String name;
    private final Scope scope;
    private Resolution resolution = Resolution.GLOBAL_IMPLICIT;
    private boolean parameter;
    private boolean imported;
    private boolean bound;
    private boolean referenced;
    private boolean declaredGlobal;
    private boolean declaredNonlocal;
    private boolean annotated;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Name> uses = new ArrayList<>();
    private List<Binding> bindingsView;
    private List<Name> usesView;

    Symbol(String name, Scope scope) {
        this.name = name;
        this.scope = scope;
    }

    public String name() {
        return name;
    }

    public Scope scope() {
        return scope;
    }

    public Resolution resolution() {
        return resolution;
    }

    public boolean isParameter() {
        return parameter;
    }

    public boolean isImported() {
        return imported;
    }

    /** Bound in this scope by any binding construct (assignment, def, import, for, with…). */
    public boolean isBound() {
        return bound;
    }

    public boolean isReferenced() {
        return referenced;
    }

    public boolean isDeclaredGlobal() {
        return declaredGlobal;
    }

    public boolean isDeclaredNonlocal() {
        return declaredNonlocal;
    }

    public boolean isAnnotated() {
        return annotated;
    }

    /** True when the name is local to this scope (a cell included). */
    public boolean isLocal() {
        return resolution == Resolution.LOCAL || resolution == Resolution.CELL;
    }

    /** The bindings in this scope, in document order (for a global declared here: none). */
    public List<Binding> bindings() {
        // A view made once: Collections.unmodifiableList calls getClass, a native call in C1 code.
        if (bindingsView == null) {
            bindingsView = Collections.unmodifiableList(bindings);
        }
        return bindingsView;
    }

    /**
     * As {@link #bindings}, without the unmodifiable view: for readers in this package, which never
     * change it. Iterating through the view costs two interface calls per element in C1 code.
     */
    List<Binding> bindingsShared() {
        return bindings;
    }

    /** The loads of this name in this scope, in document order. */
    public List<Name> uses() {
        if (usesView == null) {
            usesView = Collections.unmodifiableList(uses);
        }
        return usesView;
    }

    void setResolution(Resolution resolution) {
        this.resolution = resolution;
    }

    void markParameter() {
        parameter = true;
        bound = true;
    }

    void markImported() {
        imported = true;
        bound = true;
    }

    void markBound() {
        bound = true;
    }

    void markReferenced() {
        referenced = true;
    }

    void markDeclaredGlobal() {
        declaredGlobal = true;
    }

    void markDeclaredNonlocal() {
        declaredNonlocal = true;
    }

    void markAnnotated() {
        annotated = true;
    }

    void addBinding(Binding binding) {
        bindings.add(binding);
    }

    List<Binding> takeBindings() {
        List<Binding> taken = new ArrayList<>(bindings);
        bindings.clear();
        return taken;
    }

    void addUse(Name use) {
        uses.add(use);
    }

    /**
     * Symbols are equal only to themselves (identity, as Object's); the hash is the name's
     * (cached by String) because {@link Object#hashCode} is a native call in C1-compiled code,
     * and reaching definitions key their state by symbol.
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public String toString() {
        return name + " in " + scope + " (" + resolution + ")";
    }
}
