package dev.pitfall.parser;

import dev.pitfall.ast.Module;
import dev.pitfall.ast.Statement;
import dev.pitfall.parser.PythonParser.*;
import dev.pitfall.source.SourceFile;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses one source file into a {@link Module}, or the first syntax error, never throwing for bad
 * input. The fast path is SLL prediction with bail-out; the grammar is designed so that valid code
 * never needs more. Only on failure is the file re-parsed with full LL prediction, to locate and
 * word the error as CPython would. The ANTLR DFA caches are static and shared by all threads.
 */
public final class SourceParser {
    private static final long DEEP_STACK_BYTES = 256L * 1024 * 1024;
    private static final String TOO_COMPLEX = "too many nested expressions: source too complex to parse";
    private static final String TOO_LARGE = "source too large to parse in the available memory";

    private SourceParser() {
    }

    /** The result of one parse, and whether the full-LL second stage was needed to get it. */
    record Outcome(ParseResult result, boolean usedFallback) {
    }

    public static ParseResult parse(SourceFile source) {
        return parseWithDetails(source).result();
    }

    /**
     * Parses on the calling thread; if the nesting is too deep for its stack, once more on a thread
     * with a large stack; if even that overflows, the file is reported as too complex.
     */
    static Outcome parseWithDetails(SourceFile source) {
        try {
            return parseHere(source);
        } catch (StackOverflowError tooDeep) {
            return parseOnDeepStack(source);
        } catch (OutOfMemoryError tooLarge) {
            // The token buffer and parse tree of this one file are unreachable again by now.
            return new Outcome(new ParseResult.Failure(new SyntaxError(1, 1, TOO_LARGE)), false);
        } catch (RuntimeException bug) {
            // A defect of ours must not take the whole run down; the message says whose fault it is.
            return new Outcome(new ParseResult.Failure(new SyntaxError(1, 1,
                    "internal parser error, please report: " + bug)), false);
        }
    }

    private static Outcome parseOnDeepStack(SourceFile source) {
        Outcome[] outcome = new Outcome[1];
        Thread worker = new Thread(null, () -> {
            try {
                outcome[0] = parseHere(source);
            } catch (StackOverflowError tooDeep) {
                outcome[0] = new Outcome(new ParseResult.Failure(new SyntaxError(1, 1, TOO_COMPLEX)), false);
            } catch (OutOfMemoryError tooLarge) {
                outcome[0] = new Outcome(new ParseResult.Failure(new SyntaxError(1, 1, TOO_LARGE)), false);
            } catch (RuntimeException bug) {
                outcome[0] = new Outcome(new ParseResult.Failure(new SyntaxError(1, 1,
                        "internal parser error, please report: " + bug)), false);
            }
        }, "pitfall-deep-parse", DEEP_STACK_BYTES);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome[0];
    }

    private static Outcome parseHere(SourceFile source) {
        String text = source.text();
        SourceCharStream chars = new SourceCharStream(text, source.path());
        PythonLexer lexer = new PythonLexer(chars);
        lexer.removeErrorListeners();
        BufferedTokenStream tokens = new LexedTokenStream(lexer, text.length());
        PythonParser parser = new PythonParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        AstBuilder builder = new AstBuilder(new Positions(text, chars.isAscii()), chars, tokens);
        StatementsBuilt built = new StatementsBuilt(builder);
        parser.takeStatements(built);
        File_inputContext tree;
        boolean usedFallback = false;
        try {
            tree = parser.file_input();
        } catch (ParseCancellationException sllFailed) {
            usedFallback = true;
            built = null;
            parser.takeStatements(null);
            tokens.seek(0);
            parser.reset();
            FirstErrorListener listener = new FirstErrorListener();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = null;
            try {
                tree = parser.file_input();
            } catch (FirstErrorFound found) {
                tokens.fill();
                return new Outcome(new ParseResult.Failure(choose(lexer.firstError(), found.error, found.atEnd, found.offendingLine)), true);
            }
        }
        SyntaxError lexerError = lexer.firstError();
        if (lexerError != null) {
            return new Outcome(new ParseResult.Failure(lexerError), usedFallback);
        }
        try {
            Module module = built != null ? built.module() : builder.module(tree);
            return new Outcome(new ParseResult.Success(module), usedFallback);
        } catch (ParseFailure failure) {
            return new Outcome(new ParseResult.Failure(failure.error()), usedFallback);
        }
    }

    /**
     * All tokens of the file, lexed before the parse starts, in an array. ANTLR's buffer fetches
     * tokens on demand behind a {@code List}: every look-ahead of the parser paid a sync check and
     * list calls (about 10% of the parse in C1 code); here it is an array read. Lexing ahead changes
     * nothing: the lexer does not depend on the parser, and a parse that fails reads the rest of
     * the file for the lexer's error anyway. Every token the lexer emits is on the default channel,
     * so the channel filtering of {@code CommonTokenStream} is not needed either.
     */
    private static final class LexedTokenStream extends BufferedTokenStream {
        // Python source averages about five characters per token, layout included.
        private static final int CHARACTERS_PER_TOKEN = 5;

        private final PythonToken[] lexed;
        // The types apart: LA, the parser's commonest question, then reads no token object (the
        // tokens of a large file are no longer in the processor's caches when the parser runs).
        private final int[] types;
        private final int count;

        LexedTokenStream(PythonLexerBase lexer, int characters) {
            super(lexer);
            int capacity = characters / CHARACTERS_PER_TOKEN + 16;
            PythonToken[] buffer = new PythonToken[capacity];
            int[] bufferTypes = new int[capacity];
            int n = 0;
            while (true) {
                PythonToken token = lexer.nextToken();
                if (n == buffer.length) {
                    // Not Arrays.copyOf: for an object array it allocates reflectively, slow in C1 code.
                    PythonToken[] grown = new PythonToken[n * 2];
                    System.arraycopy(buffer, 0, grown, 0, n);
                    buffer = grown;
                    bufferTypes = Arrays.copyOf(bufferTypes, n * 2);
                }
                token.setTokenIndex(n);
                int type = token.getType();
                buffer[n] = token;
                bufferTypes[n] = type;
                n++;
                if (type == Token.EOF) {
                    break;
                }
            }
            lexed = buffer;
            types = bufferTypes;
            count = n;
            // The inherited methods that the error reporting uses read the same tokens.
            tokens = Arrays.<Token>asList(buffer).subList(0, n);
            fetchedEOF = true;
            p = 0;
        }

        // p is always a token's index: consume() never moves past EOF, the last token.

        @Override
        public Token LT(int k) {
            if (k == 1) {
                return lexed[p];
            }
            if (k > 1) {
                int i = p + k - 1;
                // Past the end is EOF, the last token.
                return lexed[i < count ? i : count - 1];
            }
            if (k < 0) {
                return p + k >= 0 ? lexed[p + k] : null;
            }
            return null;
        }

        @Override
        public int LA(int i) {
            if (i == 1) {
                return types[p];
            }
            if (i > 1) {
                int k = p + i - 1;
                return types[k < count ? k : count - 1];
            }
            return LT(i).getType();
        }

        @Override
        public void consume() {
            if (p >= count - 1) {
                throw new IllegalStateException("cannot consume EOF");
            }
            p++;
        }

        @Override
        public Token get(int i) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException("token index " + i + " out of range 0.." + (count - 1));
            }
            return lexed[i];
        }
    }

    /**
     * The ASTs of the top-level statements, built as the parser completes each one. The builder's
     * first error is kept for after the parse: a syntax error the parser finds later in the file,
     * or a lexical error, is reported in its place, as when the whole tree was built at the end.
     */
    private static final class StatementsBuilt implements Consumer<StatementContext> {
        private final AstBuilder builder;
        private final List<Statement> body = new ArrayList<>();
        private ParseFailure firstFailure;

        StatementsBuilt(AstBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void accept(StatementContext statement) {
            if (firstFailure != null) {
                return;
            }
            try {
                builder.topLevelStatement(statement, body);
            } catch (ParseFailure failure) {
                firstFailure = failure;
            }
        }

        Module module() {
            if (firstFailure != null) {
                throw firstFailure;
            }
            return builder.module(body);
        }
    }

    /**
     * CPython reports a tokenizer error found anywhere in the file instead of a generic "invalid
     * syntax"; otherwise the earlier of the two errors wins.
     */
    private static SyntaxError choose(SyntaxError lexerError, SyntaxError parserError, boolean parserAtEnd,
                                      int offendingLine) {
        if (lexerError == null) {
            return parserError;
        }
        if (lexerError.message().endsWith("was never closed") && !parserAtEnd) {
            // After a parser error CPython tokenizes the rest of the file; if it ends with the
            // bracket still open and the parser had read past the bracket's line, the unclosed
            // bracket is reported instead (so "x = [1, 2 <newline> y = 3" is never closed, while
            // "f(a <newline> b)" keeps its "Perhaps you forgot a comma?").
            return offendingLine > lexerError.line() ? lexerError : parserError;
        }
        if (parserError.message().equals("invalid syntax")) {
            return lexerError;
        }
        boolean lexerFirst = lexerError.line() < parserError.line()
                || (lexerError.line() == parserError.line() && lexerError.column() <= parserError.column());
        return lexerFirst ? lexerError : parserError;
    }

    /** Stops the LL parse at its first error: recovery would only produce follow-on noise. */
    private static final class FirstErrorFound extends RuntimeException {
        final SyntaxError error;
        final boolean atEnd;
        final int offendingLine;

        FirstErrorFound(SyntaxError error, boolean atEnd, int offendingLine) {
            super(error.message(), null, false, false);
            this.error = error;
            this.atEnd = atEnd;
            this.offendingLine = offendingLine;
        }
    }

    private static final class FirstErrorListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String antlrMessage, RecognitionException e) {
            Parser parser = (Parser) recognizer;
            Token offending = (Token) offendingSymbol;
            SyntaxError error;
            try {
                error = describe(parser, offending, e);
            } catch (RuntimeException unexpected) {
                error = new SyntaxError(line, column + 1, "invalid syntax");
            }
            int type = offending.getType();
            throw new FirstErrorFound(error, type == Token.EOF || type == PythonLexer.NEWLINE
                    && ((BufferedTokenStream) parser.getTokenStream()).LT(2).getType() == Token.EOF,
                    offending.getLine());
        }
    }

    /**
     * CPython's NEWLINE token starts where a trailing comment starts, so errors reported at the end
     * of a commented line point at the comment, not past it. The lexer drops comments, so the
     * comment is found in the text between the line's last token and its end.
     */
    private static int newlineColumn(Parser parser, Token offending) {
        if (offending.getType() == PythonLexer.NEWLINE && offending.getTokenIndex() > 0) {
            Token before = ((BufferedTokenStream) parser.getTokenStream()).get(offending.getTokenIndex() - 1);
            if (before.getLine() == offending.getLine() && before.getStopIndex() + 1 < offending.getStartIndex()) {
                String gap = offending.getInputStream().getText(
                        Interval.of(before.getStopIndex() + 1, offending.getStartIndex() - 1));
                int hash = gap.indexOf('#');
                if (hash >= 0) {
                    return before.getCharPositionInLine() + (before.getStopIndex() - before.getStartIndex() + 1) + hash;
                }
            }
        }
        return offending.getCharPositionInLine();
    }

    private static SyntaxError describe(Parser parser, Token offending, RecognitionException e) {
        int line = offending.getLine();
        int column = newlineColumn(parser, offending) + 1;
        if (offending.getType() == PythonLexer.INDENT) {
            // CPython points at the last column of the indentation.
            Token first = ((BufferedTokenStream) parser.getTokenStream()).LT(2);
            return new SyntaxError(line, Math.max(1, first.getCharPositionInLine()), "unexpected indent");
        }
        if (offending.getType() == PythonLexer.NOT && followsArithmeticOperator(parser, offending)) {
            return new SyntaxError(line, column, "'not' after an operator must be parenthesized");
        }
        IntervalSet expected = expectedTokens(parser, e);
        ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext rule ? rule : parser.getContext();
        if (expected.contains(PythonLexer.INDENT)) {
            String owner = blockOwner(ctx);
            if (owner != null) {
                return new SyntaxError(line, column, "expected an indented block after " + owner);
            }
        }
        if (expected.contains(PythonLexer.COLON) && offending.getType() == PythonLexer.NEWLINE
                && insideCompoundHeader(ctx)) {
            return new SyntaxError(line, column, "expected ':'");
        }
        SyntaxError specific = ErrorHints.describe(parser, offending, expected, ctx);
        return specific != null ? specific : new SyntaxError(line, column, "invalid syntax");
    }

    private static boolean followsArithmeticOperator(Parser parser, Token offending) {
        Token previous = null;
        for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = parser.getTokenStream().get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                previous = candidate;
                break;
            }
        }
        if (previous == null) {
            return false;
        }
        switch (previous.getType()) {
            case PythonLexer.PLUS: case PythonLexer.MINUS: case PythonLexer.STAR: case PythonLexer.SLASH:
            case PythonLexer.DOUBLESLASH: case PythonLexer.PERCENT: case PythonLexer.AT: case PythonLexer.DOUBLESTAR:
            case PythonLexer.LEFTSHIFT: case PythonLexer.RIGHTSHIFT: case PythonLexer.AMPER: case PythonLexer.VBAR:
            case PythonLexer.CIRCUMFLEX: case PythonLexer.TILDE:
                return true;
            default:
                return false;
        }
    }

    private static IntervalSet expectedTokens(Parser parser, RecognitionException e) {
        try {
            if (e != null && e.getExpectedTokens() != null) {
                return e.getExpectedTokens();
            }
            return parser.getExpectedTokens();
        } catch (RuntimeException unavailable) {
            return new IntervalSet();
        }
    }

    private static boolean insideCompoundHeader(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof StatementContext || c instanceof BlockContext || c instanceof Simple_stmtContext) {
                return false;
            }
            if (c instanceof If_stmtContext || c instanceof While_stmtContext || c instanceof For_stmtContext
                    || c instanceof With_stmtContext || c instanceof FuncdefContext || c instanceof ClassdefContext
                    || c instanceof Try_stmtContext || c instanceof Except_clauseContext
                    || c instanceof Match_stmtContext || c instanceof Case_blockContext) {
                return true;
            }
        }
        return false;
    }

    /** "'if' statement on line 3" for the statement whose block is missing, or null. */
    private static String blockOwner(ParserRuleContext ctx) {
        ParserRuleContext owner = ctx;
        if (owner instanceof BlockContext) {
            owner = owner.getParent();
        } else if (!(owner instanceof Match_stmtContext)) {
            return null;
        }
        if (owner == null) {
            return null;
        }
        Token keyword = owner.start;
        if (owner instanceof If_stmtContext || owner instanceof Try_stmtContext || owner instanceof While_stmtContext
                || owner instanceof For_stmtContext) {
            keyword = keywordBefore(owner, ctx);
        }
        String what;
        if (owner instanceof FuncdefContext) {
            return "function definition on line " + keyword.getLine();
        } else if (owner instanceof ClassdefContext) {
            return "class definition on line " + keyword.getLine();
        } else if (owner instanceof Except_clauseContext clause) {
            what = clause.STAR() != null ? "except*" : "except";
        } else if (owner instanceof Case_blockContext) {
            what = "case";
        } else if (owner instanceof Match_stmtContext) {
            what = "match";
        } else if (owner instanceof With_stmtContext) {
            what = "with";
        } else {
            what = keyword.getText();
        }
        return "'" + what + "' statement on line " + keyword.getLine();
    }

    /** The keyword (`if`, `elif`, `else`, `finally`...) that introduces the given block. */
    private static Token keywordBefore(ParserRuleContext owner, ParserRuleContext block) {
        Token keyword = owner.start;
        for (int i = 0; i < owner.getChildCount(); i++) {
            ParseTree child = owner.getChild(i);
            if (child == block) {
                break;
            }
            if (child instanceof TerminalNode terminal) {
                int type = terminal.getSymbol().getType();
                if (type == PythonLexer.IF || type == PythonLexer.ELIF || type == PythonLexer.ELSE
                        || type == PythonLexer.TRY || type == PythonLexer.FINALLY || type == PythonLexer.WHILE
                        || type == PythonLexer.FOR) {
                    keyword = terminal.getSymbol();
                }
            }
        }
        return keyword;
    }
}
