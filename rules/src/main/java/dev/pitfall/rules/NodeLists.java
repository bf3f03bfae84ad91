package dev.pitfall.rules;

import dev.pitfall.ast.Node;
import java.util.List;

/**
 * Looking a node up in a list of nodes by identity. Nodes are records: List.contains and indexOf
 * compare them with equals, field by field through their whole subtrees, where the question is
 * only whether this very node is in the list.
 */
public final class NodeLists {
    private NodeLists() {
    }

    /** The position of {@code node} itself in {@code nodes}, or -1. */
    public static int indexOf(List<? extends Node> nodes, Node node) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code node} itself is in {@code nodes}. */
    public static boolean contains(List<? extends Node> nodes, Node node) {
        return indexOf(nodes, node) >= 0;
    }
}
