package dev.pitfall.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable stack of nodes for walking trees without recursion and without allocating per node
 * (see {@link Node#pushChildren}). A final class rather than an {@link java.util.ArrayDeque} so
 * that its calls bind statically and C1 can inline them.
 */
public final class NodeStack {
    private Node[] nodes = new Node[64];
    private int size;

    /** Pushes {@code node}; an absent optional child (null) is skipped. */
    public void push(Node node) {
        if (node == null) {
            return;
        }
        if (size == nodes.length) {
            // Not Arrays.copyOf: on a Node[] it allocates reflectively, a JNI call in C1 code.
            Node[] larger = new Node[size * 2];
            System.arraycopy(nodes, 0, larger, 0, size);
            nodes = larger;
        }
        nodes[size++] = node;
    }

    /** Pushes the elements of {@code children} from last to first, skipping nulls (as in kw_defaults). */
    public void pushAll(List<? extends Node> children) {
        // The parser's lists are mostly ArrayLists, the others immutable lists (List.of): calls
        // through the List interface on that mix of classes go through itable stubs in C1 code,
        // calls on ArrayList do not.
        if (children instanceof ArrayList<? extends Node> list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                push(list.get(i));
            }
            return;
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            push(children.get(i));
        }
    }

    public Node pop() {
        Node node = nodes[--size];
        nodes[size] = null;
        return node;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of nodes on the stack; pushes and pops since a given size can be told from it. */
    public int size() {
        return size;
    }

    /** The node at {@code index}, counted from the bottom of the stack. */
    public Node get(int index) {
        return nodes[index];
    }
}
