package dev.pitfall.ast;

/**
 * Parent links for an immutable tree, computed once in one walk. Nodes compare by value, so the
 * table is keyed by identity: two equal subtrees at different places keep their own parents.
 *
 * <p>Not an {@link java.util.IdentityHashMap}: that one, grown from its default size, resizes
 * about a dozen times for a large module and rehashes every key each time, and each
 * {@link System#identityHashCode} is a native call in C1-compiled code. Here the walk first
 * collects (child, parent) pairs, then an index table sized for all of them is filled once.
 */
public final class ParentMap {
    private Node[] children = new Node[256];
    private Node[] parents = new Node[256];
    private int count;
    /** Open addressing with linear probing: 1 + an index into children/parents, 0 for a free slot. */
    private final int[] slots;

    public ParentMap(Node root) {
        NodeStack stack = new NodeStack();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            int firstChild = stack.size();
            node.pushChildren(stack);
            for (int i = stack.size() - 1; i >= firstChild; i--) {
                add(stack.get(i), node);
            }
        }
        slots = new int[Integer.highestOneBit(Math.max(count, 1) * 2) * 2];
        for (int i = 0; i < count; i++) {
            index(i);
        }
    }

    private void add(Node child, Node parent) {
        if (count == children.length) {
            // Not Arrays.copyOf: on a Node[] it allocates reflectively, a JNI call in C1 code.
            Node[] largerChildren = new Node[count * 2];
            System.arraycopy(children, 0, largerChildren, 0, count);
            children = largerChildren;
            Node[] largerParents = new Node[count * 2];
            System.arraycopy(parents, 0, largerParents, 0, count);
            parents = largerParents;
        }
        children[count] = child;
        parents[count] = parent;
        count++;
    }

    /** Enters pair {@code i}; a node met twice keeps its last parent, as a map's put would. */
    private void index(int i) {
        Node child = children[i];
        int mask = slots.length - 1;
        for (int slot = hash(child) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                slots[slot] = i + 1;
                return;
            }
            if (children[entry - 1] == child) {
                slots[slot] = i + 1;
                return;
            }
        }
    }

    private static int hash(Node node) {
        int h = System.identityHashCode(node);
        return h ^ (h >>> 16);
    }

    /** The parent of {@code node}, or null for the root or a node outside this tree. */
    public Node parentOf(Node node) {
        if (node == null) {
            return null;
        }
        int mask = slots.length - 1;
        for (int slot = hash(node) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return null;
            }
            if (children[entry - 1] == node) {
                return parents[entry - 1];
            }
        }
    }
}
