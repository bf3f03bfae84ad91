package dev.pitfall.lint;

import dev.pitfall.ast.Located;
import dev.pitfall.ast.Module;
import dev.pitfall.ast.Node;
import dev.pitfall.ast.Statement;
import dev.pitfall.lint.Finding.RelatedLocation;
import dev.pitfall.semantic.SemanticModel;
import dev.pitfall.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a rule sees of the file being linted, and where it reports findings. */
public final class RuleContext {
    private final RuleDescriptor rule;
    private final SourceFile source;
    private final SemanticModel semantic;
    private final Map<Class<?>, Object> shared;
    private final TreePath path;
    private final List<Finding> findings = new ArrayList<>();

    RuleContext(RuleDescriptor rule, SourceFile source, SemanticModel semantic, Map<Class<?>, Object> shared,
            TreePath path) {
        this.rule = rule;
        this.source = source;
        this.semantic = semantic;
        this.shared = shared;
        this.path = path;
    }

    public RuleDescriptor rule() {
        return rule;
    }

    public SourceFile source() {
        return source;
    }

    public Module module() {
        return semantic.module();
    }

    /** Scopes, bindings, imports, value kinds and data flow of this file, built once. */
    public SemanticModel semantic() {
        return semantic;
    }

    /**
     * In a node handler: the node {@code generations} levels above the node being visited (1 is
     * its parent), or null above the module. Unlike {@link SemanticModel#parents()} this needs no
     * map of the whole tree: the linter's walk knows the path to the node it is at.
     */
    public Node ancestor(int generations) {
        return path.ancestor(generations);
    }

    /**
     * In a node handler: the closest statement around the node being visited (the node itself if
     * it is one), from the linter's path like {@link #ancestor}; null only for the module.
     */
    public Statement statement() {
        for (int generations = 0; ; generations++) {
            Node ancestor = path.ancestor(generations);
            if (ancestor == null || ancestor instanceof Statement) {
                return (Statement) ancestor;
            }
        }
    }

    /**
     * An analysis of this file that several rules (or several handlers of one rule) use: made by
     * {@code make} for the first rule that asks, then shared by every rule linting this file.
     * {@code make} gets this context, so that it can be a constructor reference: a lambda that
     * captured the context would be allocated on every call, through a method handle in C1 code.
     */
    public <T> T shared(Class<T> analysis, Function<RuleContext, T> make) {
        Object known = shared.get(analysis);
        if (known == null) {
            known = make.apply(this);
            shared.put(analysis, known);
        }
        return analysis.cast(known);
    }

    /** Reports a finding at {@code at} with the rule's default severity. */
    public void report(Located at, String message) {
        report(at, rule.defaultSeverity(), message, List.of());
    }

    public void report(Located at, Severity severity, String message) {
        report(at, severity, message, List.of());
    }

    /** Reports a finding whose story has more than one place, such as a fit and a later split. */
    public void report(Located at, Severity severity, String message, List<RelatedLocation> related) {
        findings.add(new Finding(source.path(), rule.code(), rule.name(), severity, message,
                source.range(at), List.copyOf(related)));
    }

    /**
     * How a message should name the line of a node: {@code line 12} in a Python file,
     * {@code line 2 of cell 5} in a notebook (whose joined line numbers mean nothing to a reader).
     */
    public String lineLabel(Located node) {
        int line = node.lineno();
        if (source.isNotebook()) {
            return "line " + source.notebook().lineInCell(line) + " of cell " + source.notebook().cellNumber(line);
        }
        return "line " + line;
    }

    /** A related location for {@link #report(Located, Severity, String, List)}. */
    public RelatedLocation related(Located at, String message) {
        return new RelatedLocation(source.range(at), message);
    }

    List<Finding> findings() {
        return findings;
    }

}
