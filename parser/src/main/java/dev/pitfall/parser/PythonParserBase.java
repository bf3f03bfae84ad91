package dev.pitfall.parser;

import java.util.function.Consumer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * Lets the caller take each top-level statement as soon as it is parsed. Building its AST at once,
 * while its parse tree is still in the processor's caches, and then dropping that tree, is much
 * cheaper than building from the parse tree of a whole file: the tree of a large file outgrows
 * the caches, and it lives long enough to be copied by the garbage collector.
 */
public abstract class PythonParserBase extends Parser {
    private Consumer<PythonParser.StatementContext> statementSink;

    protected PythonParserBase(TokenStream input) {
        super(input);
    }

    /**
     * Hands every top-level statement to {@code sink} when it is complete, and removes it from the
     * tree of the file; with null (the default) the tree is kept whole.
     */
    void takeStatements(Consumer<PythonParser.StatementContext> sink) {
        statementSink = sink;
    }

    /** Called by the grammar after each top-level statement of {@code fileInput}. */
    protected void statementParsed(ParserRuleContext fileInput) {
        if (statementSink == null) {
            return;
        }
        int last = fileInput.getChildCount() - 1;
        statementSink.accept((PythonParser.StatementContext) fileInput.getChild(last));
        fileInput.removeLastChild();
    }
}
