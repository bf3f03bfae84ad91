package dev.pitfall.parser;

import dev.pitfall.parser.PythonParser.*;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * CPython's more specific wordings for common syntax errors ("Perhaps you forgot a comma?",
 * "Missing parentheses in call to 'print'", ...), recognised from the tokens around the point
 * where the LL parse failed. Returns null when none applies, which means "invalid syntax".
 */
final class ErrorHints {
    private ErrorHints() {
    }

    static SyntaxError describe(Parser parser, Token offending, IntervalSet expected, ParserRuleContext ctx) {
        BufferedTokenStream tokens = (BufferedTokenStream) parser.getTokenStream();
        int type = offending.getType();
        Token previous = previous(tokens, offending.getTokenIndex());
        int previousType = previous == null ? -1 : previous.getType();
        if (previousType == PythonLexer.IMPORT && type == PythonLexer.NEWLINE) {
            return at(offending, "Expected one or more names after 'import'");
        }
        if (within(ctx, Try_stmtContext.class) && expected.contains(PythonLexer.EXCEPT)
                && expected.contains(PythonLexer.FINALLY) && !(ctx instanceof BlockContext)) {
            Token where = offending;
            if (type == Token.EOF || type == PythonLexer.DEDENT || type == PythonLexer.NEWLINE) {
                // At the end of the file CPython points just past the last line of the try body.
                Token last = previous;
                while (last != null && (last.getType() == PythonLexer.NEWLINE || last.getType() == PythonLexer.DEDENT)) {
                    last = previous(tokens, last.getTokenIndex());
                }
                if (last != null) {
                    return new SyntaxError(last.getLine(),
                            last.getCharPositionInLine() + last.getStopIndex() - last.getStartIndex() + 2,
                            "expected 'except' or 'finally' block");
                }
            }
            return at(where, "expected 'except' or 'finally' block");
        }
        if (within(ctx, Replacement_fieldContext.class)) {
            if (type == PythonLexer.RBRACE && previousType == PythonLexer.LBRACE) {
                return at(offending, "f-string: valid expression required before '}'");
            }
            if (previousType == PythonLexer.EXCLAMATION && type != PythonLexer.NAME) {
                return at(offending, "f-string: missing conversion character");
            }
        }
        if (expected.contains(PythonLexer.COLON) && within(ctx, Brace_bodyContext.class) && previous != null
                && endsOperand(previousType) && (type == PythonLexer.RBRACE || type == PythonLexer.COMMA)) {
            return at(operandStart(tokens, previous), "':' expected after dictionary key");
        }
        if (expected.contains(PythonLexer.ELSE)) {
            for (ParserRuleContext c = ctx; c != null && !(c instanceof StatementContext); c = c.getParent()) {
                if (c instanceof ExpressionContext conditional && conditional.IF() != null) {
                    return at(conditional.start, "expected 'else' after 'if' expression");
                }
            }
        }
        SyntaxError structural = structural(tokens, offending, previous, expected, ctx);
        if (structural != null) {
            return structural;
        }
        if (type == PythonLexer.EQUAL && isName(previousType)) {
            Token beforeName = previous(tokens, previous.getTokenIndex());
            if (beforeName == null || beforeName.getType() != PythonLexer.DOT) {
                return at(previous, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        if (previous != null && previous.getText().equals("print") || previous != null && previous.getText().equals("exec")) {
            Token beforeName = previous(tokens, previous.getTokenIndex());
            boolean statementStart = beforeName == null || beforeName.getType() == PythonLexer.NEWLINE
                    || beforeName.getType() == PythonLexer.INDENT || beforeName.getType() == PythonLexer.DEDENT
                    || beforeName.getType() == PythonLexer.SEMI;
            if (statementStart && startsOperand(type)) {
                String name = previous.getText();
                return at(previous, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
            }
        }
        if (startsOperand(type) && endsOperand(previousType) && insideBrackets(tokens, offending.getTokenIndex())
                && !(previousType == PythonLexer.NAME && (type == PythonLexer.STRING || type == PythonLexer.FSTRING_START))) {
            return at(operandStart(tokens, previous), "invalid syntax. Perhaps you forgot a comma?");
        }
        return null;
    }

    /** Messages that depend on which construct the parser was in when it failed. */
    private static SyntaxError structural(BufferedTokenStream tokens, Token offending, Token previous,
                                          IntervalSet expected, ParserRuleContext ctx) {
        int type = offending.getType();
        int previousType = previous == null ? -1 : previous.getType();
        Token beforePrevious = previous == null ? null : previous(tokens, previous.getTokenIndex());
        int beforePreviousType = beforePrevious == null ? -1 : beforePrevious.getType();
        boolean inParameters = within(ctx, ParametersContext.class) || within(ctx, Lambda_parametersContext.class);
        if (inParameters && type == PythonLexer.EQUAL && isName(previousType)) {
            if (beforePreviousType == PythonLexer.STAR) {
                return at(offending, "var-positional argument cannot have default value");
            }
            if (beforePreviousType == PythonLexer.DOUBLESTAR) {
                return at(offending, "var-keyword argument cannot have default value");
            }
        }
        if (inParameters && previousType == PythonLexer.EQUAL) {
            return at(previous, "expected default value expression");
        }
        if (inParameters && type == PythonLexer.LPAR) {
            return at(offending, within(ctx, Lambda_parametersContext.class)
                    ? "Lambda expression parameters cannot be parenthesized"
                    : "Function parameters cannot be parenthesized");
        }
        if (within(ctx, ArgumentsContext.class) && previousType == PythonLexer.EQUAL && isName(beforePreviousType)
                && (type == PythonLexer.RPAR || type == PythonLexer.COMMA)) {
            return at(beforePrevious, "expected argument value expression");
        }
        if (within(ctx, ArgumentsContext.class) && type == PythonLexer.EQUAL) {
            if (previousType == PythonLexer.TRUE || previousType == PythonLexer.FALSE || previousType == PythonLexer.NONE) {
                return at(previous, "cannot assign to " + previous.getText());
            }
            ParserRuleContext argument = ancestor(ctx, ArgumentContext.class);
            if (argument != null && argument.start != previous) {
                return at(argument.start, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
        }
        if (ctx instanceof FuncdefContext && expected.contains(PythonLexer.LPAR) && type != PythonLexer.LPAR) {
            return at(offending, "expected '('");
        }
        if (type == PythonLexer.RSQB && previousType == PythonLexer.LSQB && within(ctx, Type_paramsContext.class)) {
            return at(offending, "Type parameter list cannot be empty");
        }
        if (expected.contains(PythonLexer.IN) && type != PythonLexer.IN
                && (within(ctx, Comp_forContext.class) || within(ctx, For_stmtContext.class))
                && within(ctx, Target_listContext.class)) {
            return at(offending, "'in' expected after for-loop variables");
        }
        if (previousType == PythonLexer.AS && within(ctx, PatternContext.class)) {
            return at(offending, "invalid pattern target");
        }
        if (type == PythonLexer.STAR && previousType == PythonLexer.COLON && within(ctx, Brace_bodyContext.class)) {
            return at(offending, "cannot use a starred expression in a dictionary value");
        }
        Except_clauseContext clause = ancestor(ctx, Except_clauseContext.class);
        if (clause != null && type == PythonLexer.COMMA && clause.expression() != null) {
            return at(clause.expression().start, "multiple exception types must be parenthesized");
        }
        if (type == PythonLexer.FROM) {
            Token statementStart = offending;
            for (Token t = previous; t != null; t = previous(tokens, t.getTokenIndex())) {
                int kind = t.getType();
                if (kind == PythonLexer.NEWLINE || kind == PythonLexer.INDENT || kind == PythonLexer.DEDENT
                        || kind == PythonLexer.SEMI) {
                    break;
                }
                statementStart = t;
            }
            if (statementStart.getType() == PythonLexer.IMPORT) {
                return at(statementStart, "Did you mean to use 'from ... import ...' instead?");
            }
        }
        if (previousType == PythonLexer.NEWLINE && beforePreviousType == PythonLexer.COLON
                && (ctx instanceof StatementContext || ctx instanceof Match_stmtContext)
                && ctx.start.getType() == PythonLexer.MATCH) {
            return at(offending, "expected an indented block after 'match' statement on line " + ctx.start.getLine());
        }
        return null;
    }

    private static <T extends ParserRuleContext> T ancestor(ParserRuleContext ctx, Class<T> kind) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (kind.isInstance(c)) {
                return kind.cast(c);
            }
            if (c instanceof StatementContext) {
                return null;
            }
        }
        return null;
    }

    private static SyntaxError at(Token token, String message) {
        return new SyntaxError(token.getLine(), token.getCharPositionInLine() + 1, message);
    }

    private static boolean within(ParserRuleContext ctx, Class<?> kind) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (kind.isInstance(c)) {
                return true;
            }
            if (c instanceof StatementContext) {
                return false;
            }
        }
        return false;
    }

    private static Token previous(BufferedTokenStream tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isName(int type) {
        return type == PythonLexer.NAME || type == PythonLexer.MATCH || type == PythonLexer.CASE
                || type == PythonLexer.TYPE || type == PythonLexer.UNDERSCORE;
    }

    private static boolean startsOperand(int type) {
        return isName(type) || type == PythonLexer.NUMBER || type == PythonLexer.STRING
                || type == PythonLexer.FSTRING_START || type == PythonLexer.TRUE || type == PythonLexer.FALSE
                || type == PythonLexer.NONE || type == PythonLexer.LAMBDA || type == PythonLexer.NOT
                || type == PythonLexer.AWAIT || type == PythonLexer.ELLIPSIS;
    }

    private static boolean endsOperand(int type) {
        return isName(type) || type == PythonLexer.NUMBER || type == PythonLexer.STRING
                || type == PythonLexer.FSTRING_END || type == PythonLexer.TRUE || type == PythonLexer.FALSE
                || type == PythonLexer.NONE || type == PythonLexer.RPAR || type == PythonLexer.RSQB
                || type == PythonLexer.RBRACE || type == PythonLexer.ELLIPSIS;
    }

    private static boolean insideBrackets(BufferedTokenStream tokens, int index) {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            int type = tokens.get(i).getType();
            if (type == PythonLexer.LPAR || type == PythonLexer.LSQB || type == PythonLexer.LBRACE) {
                depth++;
            } else if (type == PythonLexer.RPAR || type == PythonLexer.RSQB || type == PythonLexer.RBRACE) {
                depth--;
            } else if (type == PythonLexer.NEWLINE) {
                depth = 0;
            }
        }
        return depth > 0;
    }

    /** The first token of the operand ending at {@code last}: over brackets, calls and attributes. */
    private static Token operandStart(BufferedTokenStream tokens, Token last) {
        Token start = last;
        while (true) {
            int type = start.getType();
            if (type == PythonLexer.RPAR || type == PythonLexer.RSQB || type == PythonLexer.RBRACE) {
                Token opener = matchingOpener(tokens, start);
                if (opener == null) {
                    return start;
                }
                start = opener;
            } else if (type == PythonLexer.FSTRING_END) {
                int depth = 0;
                for (int i = start.getTokenIndex(); i >= 0; i--) {
                    int t = tokens.get(i).getType();
                    if (t == PythonLexer.FSTRING_END) {
                        depth++;
                    } else if (t == PythonLexer.FSTRING_START && --depth == 0) {
                        start = tokens.get(i);
                        break;
                    }
                }
            }
            Token before = previous(tokens, start.getTokenIndex());
            if (before == null) {
                return start;
            }
            int beforeType = before.getType();
            boolean trailer = start.getType() == PythonLexer.LPAR || start.getType() == PythonLexer.LSQB;
            if (beforeType == PythonLexer.DOT) {
                Token owner = previous(tokens, before.getTokenIndex());
                if (owner == null || !endsOperand(owner.getType())) {
                    return start;
                }
                start = owner;
            } else if (trailer && endsOperand(beforeType)) {
                start = before;
            } else {
                return start;
            }
        }
    }

    private static Token matchingOpener(BufferedTokenStream tokens, Token closer) {
        int depth = 0;
        for (int i = closer.getTokenIndex(); i >= 0; i--) {
            int type = tokens.get(i).getType();
            if (type == PythonLexer.RPAR || type == PythonLexer.RSQB || type == PythonLexer.RBRACE) {
                depth++;
            } else if ((type == PythonLexer.LPAR || type == PythonLexer.LSQB || type == PythonLexer.LBRACE)
                    && --depth == 0) {
                return tokens.get(i);
            }
        }
        return null;
    }
}
