package dev.pitfall.parser;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Base of every parse-tree node of {@link PythonParser}. Most nodes have one to three children,
 * while ANTLR's default first allocation holds ten: sizing the list for the common case cuts the
 * allocation of the short-lived parse tree considerably.
 */
public class PythonRuleContext extends ParserRuleContext {
    public PythonRuleContext() {
    }

    public PythonRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T child) {
        if (children == null) {
            children = new ArrayList<>(3);
        }
        children.add(child);
        return child;
    }
}
