package dev.pitfall.lint;

import dev.pitfall.ast.Node;

/**
 * Where a rule subscribes to nodes. The linter walks each file's tree once, in document order
 * (pre-order), and hands every node to each handler registered for its class or for an interface
 * it implements (so {@code on(Statement.class, ...)} sees every statement).
 */
public interface Dispatch {
    <T extends Node> void on(Class<T> kind, NodeHandler<? super T> handler);

    /** Runs once after the walk: for rules that gather facts first and decide at the end. */
    void onEnd(FileHandler handler);

    @FunctionalInterface
    interface NodeHandler<T extends Node> {
        void visit(T node, RuleContext context);
    }

    @FunctionalInterface
    interface FileHandler {
        void finish(RuleContext context);
    }
}
