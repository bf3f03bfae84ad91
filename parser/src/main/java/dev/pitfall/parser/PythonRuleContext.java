package dev.pitfall.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Base of every parse-tree node of {@link PythonParser}. The children live in a plain array
 * instead of ANTLR's {@code ArrayList} (left null): one object less per node of the short-lived
 * parse tree, no list iterator per child lookup, and a first array of four, which costs the heap no
 * more than three (object sizes round up to 8 bytes) while most nodes have one to three children.
 * Every method of {@link ParserRuleContext} that reads its {@code children} field is overridden.
 */
public class PythonRuleContext extends ParserRuleContext {
    private static final ParseTree[] NO_CHILDREN = new ParseTree[0];

    private ParseTree[] childNodes = NO_CHILDREN;
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
                if (other.childNodes[i] instanceof ErrorNode error) {
                    addAnyChild(error);
                    error.setParent(this);
                }
            }
        }
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T child) {
        if (childCount == childNodes.length) {
            // Not Arrays.copyOf: for a ParseTree[] it allocates reflectively, a native call that C1
            // code (the launcher runs C1 only) pays on every parse-tree node.
            ParseTree[] grown = new ParseTree[childCount == 0 ? 4 : childCount * 2];
            System.arraycopy(childNodes, 0, grown, 0, childCount);
            childNodes = grown;
        }
        childNodes[childCount++] = child;
        return child;
    }

    @Override
    public void removeLastChild() {
        if (childCount > 0) {
            childNodes[--childCount] = null;
        }
    }

    @Override
    public int getChildCount() {
        return childCount;
    }

    @Override
    public ParseTree getChild(int i) {
        return i >= 0 && i < childCount ? childNodes[i] : null;
    }

    @Override
    public <T extends ParseTree> T getChild(Class<? extends T> ctxType, int i) {
        int seen = -1;
        for (int k = 0; k < childCount; k++) {
            ParseTree child = childNodes[k];
            if (ctxType.isInstance(child) && ++seen == i) {
                return ctxType.cast(child);
            }
        }
        return null;
    }

    @Override
    public TerminalNode getToken(int ttype, int i) {
        int seen = -1;
        for (int k = 0; k < childCount; k++) {
            if (childNodes[k] instanceof TerminalNode terminal && terminal.getSymbol().getType() == ttype
                    && ++seen == i) {
                return terminal;
            }
        }
        return null;
    }

    @Override
    public List<TerminalNode> getTokens(int ttype) {
        List<TerminalNode> tokens = new ArrayList<>();
        for (int k = 0; k < childCount; k++) {
            if (childNodes[k] instanceof TerminalNode terminal && terminal.getSymbol().getType() == ttype) {
                tokens.add(terminal);
            }
        }
        return tokens;
    }

    @Override
    public <T extends ParserRuleContext> List<T> getRuleContexts(Class<? extends T> ctxType) {
        List<T> contexts = new ArrayList<>();
        for (int k = 0; k < childCount; k++) {
            ParseTree child = childNodes[k];
            if (ctxType.isInstance(child)) {
                contexts.add(ctxType.cast(child));
            }
        }
        return contexts;
    }
}
