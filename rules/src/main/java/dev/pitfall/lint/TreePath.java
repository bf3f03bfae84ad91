package dev.pitfall.lint;

import dev.pitfall.ast.Node;

/** The path from the module to the node the linter's walk is visiting. */
final class TreePath {
    private Node[] nodes = new Node[64];
    private int depth = -1;

    /** The walk is at {@code node}, {@code depth} levels below the module (which is at 0). */
    void enter(Node node, int depth) {
        if (depth == nodes.length) {
            // new + arraycopy: Arrays.copyOf of a Node[] allocates reflectively (a JNI call) in C1 code
            Node[] grown = new Node[depth * 2];
            System.arraycopy(nodes, 0, grown, 0, depth);
            nodes = grown;
        }
        nodes[depth] = node;
        this.depth = depth;
    }

    Node ancestor(int generations) {
        int at = depth - generations;
        return at >= 0 ? nodes[at] : null;
    }
}
