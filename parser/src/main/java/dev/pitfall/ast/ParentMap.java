package dev.pitfall.ast;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Parent links for an immutable tree, computed once in one walk. Records compare by value, so the
 * map is keyed by identity: two equal subtrees at different places keep their own parents.
 */
public final class ParentMap {
    private final Map<Node, Node> parents = new IdentityHashMap<>();

    public ParentMap(Node root) {
        Nodes.walk(root, node -> {
            for (Node child : node.children()) {
                parents.put(child, node);
            }
        });
    }

    /** The parent of {@code node}, or null for the root or a node outside this tree. */
    public Node parentOf(Node node) {
        return parents.get(node);
    }
}
