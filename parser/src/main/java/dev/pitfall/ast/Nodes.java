package dev.pitfall.ast;

import java.util.List;

/** Helpers for the generated {@code children()} methods and for walking a tree. */
public final class Nodes {
    private Nodes() {
    }

    static void add(List<Node> out, Node child) {
        if (child != null) {
            out.add(child);
        }
    }

    static void addAll(List<Node> out, List<? extends Node> children) {
        // Indexed, with ArrayList (most of the parser's lists) apart: see NodeStack.pushAll.
        if (children instanceof java.util.ArrayList<? extends Node> list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                add(out, list.get(i));
            }
            return;
        }
        for (int i = 0, n = children.size(); i < n; i++) {
            // kw_defaults holds null for keyword-only parameters without a default, as in CPython.
            add(out, children.get(i));
        }
    }

    /**
     * Whether one of the arguments of a call, or of the elements of a tuple or list, is unpacked
     * with {@code *}: the positions after it then say nothing about which value is where.
     */
    public static boolean hasStarred(List<? extends Expression> expressions) {
        for (int i = 0, n = expressions.size(); i < n; i++) {
            if (expressions.get(i) instanceof Starred) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pushes the operands of a chain of binary operations onto {@code stack} so that popping them
     * yields evaluation order. Long chains ({@code a + b + c ...}) nest to the left, so the spine
     * is walked without recursion; a stack instead of a callback, because a capturing lambda is
     * allocated through a method handle (a native call) in C1-compiled code.
     */
    public static void pushOperands(BinOp chain, NodeStack stack) {
        Expression left = chain;
        while (left instanceof BinOp op) {
            stack.push(op.right());
            left = op.left();
        }
        stack.push(left);
    }

    /**
     * The parent of {@code node} in the subtree of {@code root}, or null when {@code node} is
     * {@code root} or not below it: a search of that subtree, for a caller that knows a small
     * subtree around the node (its statement) and has no parent map of the whole file.
     */
    public static Node parentWithin(Node root, Node node) {
        NodeStack stack = new NodeStack();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node current = stack.pop();
            int firstChild = stack.size();
            current.pushChildren(stack);
            for (int i = firstChild; i < stack.size(); i++) {
                if (stack.get(i) == node) {
                    return current;
                }
            }
        }
        return null;
    }

    /** True when {@code node} is {@code root} or lies below it (by identity: nodes compare by value). */
    public static boolean contains(Node root, Node node) {
        return root == node || parentWithin(root, node) != null;
    }

    /**
     * Visits every node below and including {@code root} in pre-order (document order). Uses an
     * explicit stack so that deeply nested trees cannot overflow the call stack.
     */
    public static void walk(Node root, java.util.function.Consumer<Node> action) {
        NodeStack stack = new NodeStack();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            action.accept(node);
            node.pushChildren(stack);
        }
    }
}
