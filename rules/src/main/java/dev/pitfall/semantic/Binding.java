package dev.pitfall.semantic;

import dev.pitfall.ast.Expression;
import dev.pitfall.ast.Located;
import dev.pitfall.ast.Node;
import java.util.List;

/**
 * One place that binds a name: a definition in the sense of reaching definitions. Identity
 * matters (two equal-looking bindings at different places are different definitions).
 */
public final class Binding {
    public enum Kind {
        PARAMETER, ASSIGNMENT, AUGMENTED_ASSIGNMENT, ANNOTATED_ASSIGNMENT, NAMED_EXPRESSION,
        FOR_TARGET, COMPREHENSION_TARGET, WITH_TARGET, EXCEPT_HANDLER, IMPORT, FUNCTION, CLASS,
        MATCH_CAPTURE, TYPE_PARAMETER, DELETION
    }

    private Symbol symbol;
    private final Kind kind;
    private final Located node;
    private final Node owner;
    private final Expression value;
    private final List<Integer> unpackPath;
    private final String importedName;
    /** The binding's position among the file's bindings, unique in the file: its hash code. */
    private final int ordinal;

    Binding(int ordinal, Symbol symbol, Kind kind, Located node, Node owner, Expression value,
            List<Integer> unpackPath, String importedName) {
        this.ordinal = ordinal;
        this.symbol = symbol;
        this.kind = kind;
        this.node = node;
        this.owner = owner;
        this.value = value;
        this.unpackPath = List.copyOf(unpackPath);
        this.importedName = importedName;
    }

    void moveTo(Symbol owner) {
        symbol = owner;
    }

    /** The variable bound: for a name declared global or nonlocal, the module's or enclosing function's. */
    public Symbol symbol() {
        return symbol;
    }

    public String name() {
        return symbol.name();
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The node that names the binding: a {@code Name} in store context, an {@code Arg}, an
     * {@code Alias}, a {@code FunctionDef}/{@code ClassDef}, an {@code ExceptHandler}, a match
     * pattern or a type parameter.
     */
    public Located node() {
        return node;
    }

    /**
     * The construct the binding belongs to: the Assign, AugAssign, AnnAssign, NamedExpr, For,
     * comprehension, withitem, Import, FunctionDef, Lambda (for a parameter)... the statement or
     * expression whose evaluation performs it.
     */
    public Node owner() {
        return owner;
    }

    /**
     * The expression the bound value comes from, or null: the right-hand side of an assignment
     * (the whole right-hand side even when unpacking, see {@link #unpackPath()}), the iterable of
     * a for loop or comprehension, the context manager of a with item, a parameter's default, the
     * right operand of an augmented assignment.
     */
    public Expression value() {
        return value;
    }

    /**
     * Where in the unpacked value this name sits: empty for a plain target; {@code [1, 0]} for
     * {@code b} in {@code a, (b, c) = v}; a starred element is marked by -1 after its index.
     */
    public List<Integer> unpackPath() {
        return unpackPath;
    }

    /** For an import: the qualified name bound (see {@link SemanticModel#qualifiedName}); else null. */
    public String importedName() {
        return importedName;
    }

    public int line() {
        return node.lineno();
    }

    /**
     * Bindings are equal only to themselves (identity, as Object's); the hash is the ordinal
     * because {@link Object#hashCode} is a native call in C1-compiled code, and reaching
     * definitions hash bindings all the time.
     */
    @Override
    public int hashCode() {
        return ordinal;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public String toString() {
        return kind + " " + symbol.name() + "@" + node.lineno() + ":" + node.col_offset();
    }
}
