package dev.pitfall.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;

/**
 * Base of every parse-tree node of {@link PythonParser}. The children live in a field and a plain
 * array instead of ANTLR's {@code ArrayList} (left null). Most nodes have exactly one child (the
 * chains of rules from a statement down to a name; the standard library's 12.8 million nodes have
 * 1.4 children on average), so the first child has a field of its own: no array to allocate for it,
 * and no array to go through when the AST builder reads it. The later children are in an array of
 * at least four. Every method of {@link ParserRuleContext} that reads its {@code children} field is
 * overridden.
 */
public class PythonRuleContext extends ParserRuleContext {
    private static final Object[] NO_CHILDREN = new Object[0];

    private ParseTree firstChild;
    private Object[] laterChildren = NO_CHILDREN;
    private int childCount;

    public PythonRuleContext() {
    }

    public PythonRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    /** As ANTLR's: a context relabelled to an alternative keeps only the error nodes of the old one. */
    @Override
    public void copyFrom(ParserRuleContext ctx) {
        super.copyFrom(ctx);
        if (ctx instanceof PythonRuleContext other) {
            for (int i = 0; i < other.childCount; i++) {
                if (other.child(i) instanceof ErrorNode error) {
                    addAnyChild(error);
                    error.setParent(this);
                }
            }
        }
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T child) {
        if (childCount == 0) {
            firstChild = child;
            childCount = 1;
            return child;
        }
        int later = childCount - 1;
        if (later == laterChildren.length) {
            // Not Arrays.copyOf: for a ParseTree[] it allocates reflectively, a native call that C1
            // code (the launcher runs C1 only) pays on every parse-tree node.
            Object[] grown = new Object[later == 0 ? 4 : later * 2];
            System.arraycopy(laterChildren, 0, grown, 0, later);
            laterChildren = grown;
        }
        laterChildren[later] = child;
        childCount++;
        return child;
    }

    /**
     * As ANTLR's, but the parent is set through the class: {@code TerminalNode} is an interface, and
     * a call through it costs C1 code a stub per token.
     */
    @Override
    public TerminalNode addChild(TerminalNode terminal) {
        if (terminal instanceof TerminalNodeImpl node) {
            node.parent = this;
        } else {
            terminal.setParent(this);
        }
        addAnyChild(terminal);
        return terminal;
    }

    @Override
    public void removeLastChild() {
        if (childCount > 1) {
            laterChildren[childCount - 2] = null;
            childCount--;
        } else if (childCount == 1) {
            firstChild = null;
            childCount = 0;
        }
    }

    @Override
    public int getChildCount() {
        return childCount;
    }

    @Override
    public ParseTree getChild(int i) {
        if (i == 0) {
            return firstChild;
        }
        return i > 0 && i < childCount ? later(i - 1) : null;
    }

    /** Child {@code k}, which must exist. */
    private ParseTree child(int k) {
        return k == 0 ? firstChild : later(k - 1);
    }

    private ParseTree later(int k) {
        Object child = laterChildren[k];
        return child instanceof TerminalNodeImpl terminal ? terminal : (PythonRuleContext) child;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ParseTree> T getChild(Class<? extends T> ctxType, int i) {
        int seen = -1;
        for (int k = 0; k < childCount; k++) {
            ParseTree child = child(k);
            if (isA(ctxType, child) && ++seen == i) {
                return (T) child;
            }
        }
        return null;
    }

    /**
     * Whether the child is of the type a generated accessor asks for. Compared by class first:
     * Class.isInstance is a runtime call in C1 code, and only the labelled alternatives of a rule
     * are subclasses of the context class asked for.
     */
    private static boolean isA(Class<?> type, ParseTree child) {
        return child.getClass() == type || type.isInstance(child);
    }

    // TerminalNodeImpl, not the TerminalNode interface: a class test is a compare in C1 code, an
    // interface test a call to the slow subtype check. ANTLR makes every terminal (and error node,
    // a subclass) a TerminalNodeImpl.

    @Override
    public TerminalNode getToken(int ttype, int i) {
        int seen = -1;
        for (int k = 0; k < childCount; k++) {
            if (child(k) instanceof TerminalNodeImpl terminal && terminal.symbol.getType() == ttype && ++seen == i) {
                return terminal;
            }
        }
        return null;
    }

    @Override
    public List<TerminalNode> getTokens(int ttype) {
        List<TerminalNode> tokens = new ArrayList<>();
        for (int k = 0; k < childCount; k++) {
            if (child(k) instanceof TerminalNodeImpl terminal && terminal.symbol.getType() == ttype) {
                tokens.add(terminal);
            }
        }
        return tokens;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ParserRuleContext> List<T> getRuleContexts(Class<? extends T> ctxType) {
        List<T> contexts = new ArrayList<>();
        for (int k = 0; k < childCount; k++) {
            ParseTree child = child(k);
            if (isA(ctxType, child)) {
                contexts.add((T) child);
            }
        }
        return contexts;
    }
}
