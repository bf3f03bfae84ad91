package dev.pitfall.parser;

import dev.pitfall.ast.*;
import dev.pitfall.ast.ExprContext;
import dev.pitfall.ast.Module;
import dev.pitfall.parser.PythonParser.*;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;

/**
 * Builds the CPython-shaped AST from a {@link PythonParser} parse tree in one pass. It also does
 * the checks that CPython's parser does and that our deliberately permissive cover grammar leaves
 * out: assignment targets, argument and parameter order, tuple/group/generator classification,
 * and pattern shapes. Violations throw {@link ParseFailure}.
 *
 * <p>Terminals are tested and cast as {@code TerminalNodeImpl}, the class ANTLR makes every
 * terminal (and error node) from, not as the {@code TerminalNode} interface: in C1 code (the
 * launcher runs C1 only) a class test is a compare, an interface test a call to the slow subtype
 * check.
 */
final class AstBuilder {
    private static final ExprContext LOAD = ExprContext.Load;
    private static final ExprContext STORE = ExprContext.Store;
    private static final ExprContext DEL = ExprContext.Del;

    /** How a target is used, which decides CPython's wording when it is not assignable. */
    private enum TargetUse {
        ASSIGN, ASSIGN_SINGLE, FOR, WITH, DELETE
    }

    private final Positions positions;
    private final SourceCharStream input;
    private final TokenStream tokens;
    // Only for pure-ASCII sources, where the tokens' code-point indexes are char indexes.
    private final NameTable names;

    AstBuilder(Positions positions, SourceCharStream input, TokenStream tokens) {
        this.positions = positions;
        this.input = input;
        this.tokens = tokens;
        this.names = positions.isAsciiSource() ? new NameTable(positions.text(), input.codePoints()) : null;
    }

    private static final java.util.Set<String> FUTURE_FEATURES = java.util.Set.of("nested_scopes", "generators",
            "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
            "generator_stop", "annotations");

    Module module(File_inputContext ctx) {
        List<Statement> body = new ArrayList<>();
        for (StatementContext statement : ctx.statement()) {
            statement(statement, body);
        }
        return module(body);
    }

    /** Adds the AST of one top-level statement (several for {@code a; b}) to {@code body}. */
    void topLevelStatement(StatementContext ctx, List<Statement> body) {
        statement(ctx, body);
    }

    /** The module of top-level statements built one by one with {@link #topLevelStatement}. */
    Module module(List<Statement> body) {
        checkFutureImports(body);
        return new Module(body, List.of());
    }

    /**
     * CPython's compiler rejects a {@code from __future__} import after the docstring and other
     * future imports, and unknown features; {@code compile()} is what decides a file is valid.
     */
    private void checkFutureImports(List<Statement> body) {
        boolean prologue = true;
        for (int i = 0; i < body.size(); i++) {
            Statement statement = body.get(i);
            boolean future = statement instanceof ImportFrom from && "__future__".equals(from.module())
                    && from.level() == 0;
            if (future) {
                if (!prologue) {
                    throw error(statement, "from __future__ imports must occur at the beginning of the file");
                }
                for (Alias alias : ((ImportFrom) statement).names()) {
                    if (alias.name().equals("braces")) {
                        throw error(alias, "not a chance");
                    }
                    if (!FUTURE_FEATURES.contains(alias.name())) {
                        throw error(alias, "future feature " + alias.name() + " is not defined");
                    }
                }
            } else if (!(i == 0 && statement instanceof Expr expr && expr.value() instanceof Constant constant
                    && constant.value() instanceof String)) {
                prologue = false;
            }
        }
    }

    // ------------------------------------------------------------------------------- positions

    private int line(Token token) {
        return token.getLine();
    }

    private int column(Token token) {
        return positions.startColumn(token);
    }

    private int endLine(Token token) {
        return positions.endLine(token);
    }

    private int endColumn(Token token) {
        return positions.endColumn(token);
    }

    /**
     * The last token that ends a compound statement's text: CPython ignores the NEWLINE, INDENT
     * and DEDENT tokens that close a block, but keeps a trailing semicolon.
     */
    private Token lastSignificant(ParserRuleContext ctx) {
        for (int i = ctx.stop.getTokenIndex(); i >= 0; i--) {
            Token token = tokens.get(i);
            int type = token.getType();
            if (token.getChannel() == Token.DEFAULT_CHANNEL && type != PythonLexer.NEWLINE
                    && type != PythonLexer.INDENT && type != PythonLexer.DEDENT) {
                return token;
            }
        }
        return ctx.stop;
    }

    private ParseFailure error(Token token, String message) {
        return new ParseFailure(new SyntaxError(token.getLine(), token.getCharPositionInLine() + 1, message));
    }

    /** An error located just after {@code token}, where CPython puts some of its messages. */
    private ParseFailure errorAfter(Token token, String message) {
        int column = token.getCharPositionInLine() + (token.getStopIndex() - token.getStartIndex() + 1);
        return new ParseFailure(new SyntaxError(token.getLine(), column + 1, message));
    }

    private ParseFailure error(Located node, String message) {
        return new ParseFailure(new SyntaxError(node.lineno(),
                positions.charColumn(node.lineno(), node.col_offset()) + 1, message));
    }

    // ------------------------------------------------------------------------------ statements

    private void statement(StatementContext ctx, List<Statement> out) {
        Compound_stmtContext compound = ctx.compound_stmt();
        if (compound != null) {
            out.add(compound(compound));
        } else {
            simpleStatements(ctx.simple_stmts(), out);
        }
    }

    private void simpleStatements(Simple_stmtsContext ctx, List<Statement> out) {
        for (int i = 0, n = ctx.getChildCount(); i < n; i += 2) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof Simple_stmtContext statement) {
                out.add(simple(statement));
            }
        }
    }

    private List<Statement> block(BlockContext ctx) {
        List<Statement> out = new ArrayList<>();
        if (ctx.simple_stmts() != null) {
            simpleStatements(ctx.simple_stmts(), out);
        } else {
            for (StatementContext statement : ctx.statement()) {
                statement(statement, out);
            }
        }
        return out;
    }

    private Statement simple(Simple_stmtContext ctx) {
        if (ctx.getChild(0) instanceof Expr_stmtContext statement) {
            return expressionStatement(statement);
        }
        if (ctx.type_alias() != null) {
            return typeAlias(ctx.type_alias());
        }
        if (ctx.import_stmt() != null) {
            return importStatement(ctx.import_stmt());
        }
        Token start = ctx.start;
        Token stop = ctx.stop;
        int l = line(start);
        int c = column(start);
        int el = endLine(stop);
        int ec = endColumn(stop);
        switch (start.getType()) {
            case PythonLexer.RETURN:
                return new Return(ctx.star_expressions() == null ? null : starExpressions(ctx.star_expressions()),
                        l, c, el, ec);
            case PythonLexer.RAISE: {
                List<ExpressionContext> parts = ctx.expression();
                return new Raise(parts.isEmpty() ? null : expression(parts.get(0)),
                        parts.size() > 1 ? expression(parts.get(1)) : null, l, c, el, ec);
            }
            case PythonLexer.PASS:
                return new Pass(l, c, el, ec);
            case PythonLexer.BREAK:
                return new Break(l, c, el, ec);
            case PythonLexer.CONTINUE:
                return new Continue(l, c, el, ec);
            case PythonLexer.DEL:
                return new Delete(deleteTargets(ctx.star_expressions()), l, c, el, ec);
            case PythonLexer.ASSERT: {
                List<ExpressionContext> parts = ctx.expression();
                return new Assert(expression(parts.get(0)), parts.size() > 1 ? expression(parts.get(1)) : null,
                        l, c, el, ec);
            }
            case PythonLexer.GLOBAL:
                return new Global(names(ctx.name()), l, c, el, ec);
            case PythonLexer.NONLOCAL:
                return new Nonlocal(names(ctx.name()), l, c, el, ec);
            default:
                throw error(start, "invalid syntax");
        }
    }

    private List<String> names(List<NameContext> names) {
        List<String> out = new ArrayList<>(names.size());
        for (NameContext name : names) {
            out.add(identifier(name));
        }
        return out;
    }

    private Statement expressionStatement(Expr_stmtContext ctx) {
        RhsContext first = (RhsContext) ctx.getChild(0);
        int l = line(ctx.start);
        int c = column(ctx.start);
        int el = endLine(ctx.stop);
        int ec = endColumn(ctx.stop);
        if (ctx.getChildCount() == 1) {
            return new Expr(rhs(first), l, c, el, ec);
        }
        List<RhsContext> parts = ctx.rhs();
        if (ctx.augassign() != null) {
            Expression target = rhs(first);
            if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
                throw error(target, "'" + describe(target) + "' is an illegal expression for augmented assignment");
            }
            return new AugAssign(withContext(target, STORE, TargetUse.ASSIGN), augmentedOperator(ctx.augassign().start),
                    rhs(parts.get(1)), l, c, el, ec);
        }
        if (ctx.COLON() != null) {
            Expression target = rhs(first);
            if (target instanceof Tuple) {
                throw error(target, "only single target (not tuple) can be annotated");
            }
            if (target instanceof dev.pitfall.ast.List) {
                throw error(target, "only single target (not list) can be annotated");
            }
            if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
                throw error(target, "illegal target for annotation");
            }
            int simple = target instanceof Name && !isParenthesized(first) ? 1 : 0;
            Expression value = parts.size() > 1 ? rhs(parts.get(1)) : null;
            return new AnnAssign(withContext(target, STORE, TargetUse.ASSIGN), expression(ctx.expression()), value,
                    simple, l, c, el, ec);
        }
        if (parts.size() == 1) {
            return new Expr(rhs(first), l, c, el, ec);
        }
        TargetUse use = parts.size() == 2 ? TargetUse.ASSIGN_SINGLE : TargetUse.ASSIGN;
        List<Expression> targets = new ArrayList<>(parts.size() - 1);
        for (int i = 0; i < parts.size() - 1; i++) {
            RhsContext part = parts.get(i);
            if (part.yield_expr() != null) {
                throw error(part.start, "assignment to yield expression not possible");
            }
            Expression target = rhs(part);
            if (use == TargetUse.ASSIGN_SINGLE && !isParenthesized(part) && !isBitwiseOrLevel(target)) {
                use = TargetUse.ASSIGN;
            }
            targets.add(withContext(target, STORE, use));
        }
        return new Assign(targets, rhs(parts.get(parts.size() - 1)), null, l, c, el, ec);
    }

    /** Whether CPython's "Maybe you meant '=='" hint applies: an operand-level expression. */
    private static boolean isBitwiseOrLevel(Expression target) {
        if (target instanceof BoolOp || target instanceof Compare || target instanceof IfExp
                || target instanceof Lambda || target instanceof NamedExpr || target instanceof Starred
                || target instanceof Tuple || target instanceof dev.pitfall.ast.List
                || target instanceof GeneratorExp) {
            return false;
        }
        if (target instanceof UnaryOp unary && unary.op() == UnaryOpKind.Not) {
            return false;
        }
        if (target instanceof Constant constant) {
            Object value = constant.value();
            return !(value instanceof Boolean || value == PyConstant.NONE);
        }
        return true;
    }

    /** Whether a right-hand side is one parenthesised atom, as in {@code (x): int}. */
    private static boolean isParenthesized(RhsContext ctx) {
        Star_expressionsContext list = ctx.star_expressions();
        if (list == null || list.getChildCount() != 1) {
            return false;
        }
        ExpressionContext expression = list.star_expression(0).expression();
        return expression != null && isParenthesisedAtom(barePrimary(expression));
    }

    /** The primary an expression consists of, with no operator around it; else null. */
    private static PrimaryContext barePrimary(ExpressionContext ctx) {
        if (ctx.getChildCount() != 1 || !(ctx.getChild(0) instanceof DisjunctionContext disjunction)
                || disjunction.getChildCount() != 1) {
            return null;
        }
        PythonParser.ExprContext expr = (PythonParser.ExprContext) disjunction.getChild(0);
        return expr.getChildCount() == 1 ? (PrimaryContext) expr.getChild(0) : null;
    }

    /**
     * Whether a primary is one parenthesised atom, {@code ()} or {@code (...)}, with no trailer: a
     * trailer adds at least two children to the atom's two or three.
     */
    private static boolean isParenthesisedAtom(PrimaryContext ctx) {
        return ctx != null && ctx.start.getType() == PythonLexer.LPAR && ctx.getChildCount() <= 3;
    }

    private Expression rhs(RhsContext ctx) {
        ParseTree only = ctx.getChild(0);
        return only instanceof Star_expressionsContext list ? starExpressions(list)
                : yieldExpression((Yield_exprContext) only);
    }

    private static OperatorKind augmentedOperator(Token token) {
        switch (token.getType()) {
            case PythonLexer.PLUSEQUAL: return OperatorKind.Add;
            case PythonLexer.MINEQUAL: return OperatorKind.Sub;
            case PythonLexer.STAREQUAL: return OperatorKind.Mult;
            case PythonLexer.ATEQUAL: return OperatorKind.MatMult;
            case PythonLexer.SLASHEQUAL: return OperatorKind.Div;
            case PythonLexer.PERCENTEQUAL: return OperatorKind.Mod;
            case PythonLexer.AMPEREQUAL: return OperatorKind.BitAnd;
            case PythonLexer.VBAREQUAL: return OperatorKind.BitOr;
            case PythonLexer.CIRCUMFLEXEQUAL: return OperatorKind.BitXor;
            case PythonLexer.LEFTSHIFTEQUAL: return OperatorKind.LShift;
            case PythonLexer.RIGHTSHIFTEQUAL: return OperatorKind.RShift;
            case PythonLexer.DOUBLESTAREQUAL: return OperatorKind.Pow;
            default: return OperatorKind.FloorDiv;
        }
    }

    private List<Expression> deleteTargets(Star_expressionsContext ctx) {
        List<Star_expressionContext> items = ctx.star_expression();
        List<Expression> out = new ArrayList<>(items.size());
        for (Star_expressionContext item : items) {
            out.add(withContext(starExpression(item), DEL, TargetUse.DELETE));
        }
        return out;
    }

    /** Re-creates an assignment or deletion target with the given context, or reports why not. */
    private Expression withContext(Expression e, ExprContext ctx, TargetUse use) {
        if (e instanceof Name name) {
            return new Name(name.id(), ctx, name.lineno(), name.col_offset(), name.end_lineno(), name.end_col_offset());
        }
        if (e instanceof Attribute a) {
            return new Attribute(a.value(), a.attr(), ctx, a.lineno(), a.col_offset(), a.end_lineno(), a.end_col_offset());
        }
        if (e instanceof Subscript s) {
            return new Subscript(s.value(), s.slice(), ctx, s.lineno(), s.col_offset(), s.end_lineno(), s.end_col_offset());
        }
        if (e instanceof Starred s) {
            if (use == TargetUse.DELETE) {
                throw error(s, "cannot delete starred");
            }
            return new Starred(withContext(s.value(), ctx, nested(use)), ctx, s.lineno(), s.col_offset(),
                    s.end_lineno(), s.end_col_offset());
        }
        if (e instanceof Tuple t) {
            return new Tuple(withContext(t.elts(), ctx, nested(use)), ctx, t.lineno(), t.col_offset(), t.end_lineno(),
                    t.end_col_offset());
        }
        if (e instanceof dev.pitfall.ast.List list) {
            return new dev.pitfall.ast.List(withContext(list.elts(), ctx, nested(use)), ctx, list.lineno(),
                    list.col_offset(), list.end_lineno(), list.end_col_offset());
        }
        String what = describe(e);
        switch (use) {
            case DELETE:
                throw error(e, "cannot delete " + what);
            case ASSIGN_SINGLE:
                throw error(e, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
            default:
                throw error(e, "cannot assign to " + what);
        }
    }

    private static TargetUse nested(TargetUse use) {
        return use == TargetUse.ASSIGN_SINGLE ? TargetUse.ASSIGN : use;
    }

    private List<Expression> withContext(List<Expression> elements, ExprContext ctx, TargetUse use) {
        List<Expression> out = new ArrayList<>(elements.size());
        for (Expression element : elements) {
            out.add(withContext(element, ctx, use));
        }
        return out;
    }

    /** CPython's name for a kind of expression in target error messages. */
    private static String describe(Expression e) {
        if (e instanceof Call) return "function call";
        if (e instanceof Attribute) return "attribute";
        if (e instanceof Subscript) return "subscript";
        if (e instanceof Starred) return "starred";
        if (e instanceof Name) return "name";
        if (e instanceof dev.pitfall.ast.List) return "list";
        if (e instanceof Tuple) return "tuple";
        if (e instanceof Lambda) return "lambda";
        if (e instanceof BoolOp || e instanceof BinOp || e instanceof UnaryOp) return "expression";
        if (e instanceof GeneratorExp) return "generator expression";
        if (e instanceof Yield || e instanceof YieldFrom) return "yield expression";
        if (e instanceof Await) return "await expression";
        if (e instanceof ListComp) return "list comprehension";
        if (e instanceof SetComp) return "set comprehension";
        if (e instanceof DictComp) return "dict comprehension";
        if (e instanceof Dict) return "dict literal";
        if (e instanceof dev.pitfall.ast.Set) return "set display";
        if (e instanceof JoinedStr || e instanceof FormattedValue) return "f-string expression";
        if (e instanceof Compare) return "comparison";
        if (e instanceof IfExp) return "conditional expression";
        if (e instanceof NamedExpr) return "named expression";
        if (e instanceof Constant constant) {
            Object value = constant.value();
            if (value == PyConstant.NONE) return "None";
            if (Boolean.TRUE.equals(value)) return "True";
            if (Boolean.FALSE.equals(value)) return "False";
            if (value == PyConstant.ELLIPSIS) return "ellipsis";
            return "literal";
        }
        return "expression";
    }

    private Statement typeAlias(Type_aliasContext ctx) {
        NameContext nameCtx = ctx.name();
        Name name = new Name(identifier(nameCtx), STORE, line(nameCtx.start), column(nameCtx.start),
                endLine(nameCtx.stop), endColumn(nameCtx.stop));
        return new TypeAlias(name, typeParams(ctx.type_params()), expression(ctx.expression()), line(ctx.start),
                column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Statement importStatement(Import_stmtContext ctx) {
        int l = line(ctx.start);
        int c = column(ctx.start);
        int el = endLine(ctx.stop);
        int ec = endColumn(ctx.stop);
        if (ctx.IMPORT() != null && ctx.FROM() == null) {
            List<Alias> aliases = new ArrayList<>();
            for (Dotted_as_nameContext item : ctx.dotted_as_name()) {
                NameContext as = item.name();
                aliases.add(new Alias(dottedName(item.dotted_name()), as == null ? null : identifier(as),
                        line(item.start), column(item.start), endLine(item.stop), endColumn(item.stop)));
            }
            return new Import(aliases, l, c, el, ec);
        }
        int level = 0;
        for (int i = 1; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNodeImpl terminal) {
                int type = terminal.getSymbol().getType();
                if (type == PythonLexer.DOT) {
                    level++;
                } else if (type == PythonLexer.ELLIPSIS) {
                    level += 3;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Dotted_nameContext module = ctx.dotted_name();
        if (module == null && level == 0) {
            throw error(ctx.IMPORT().getSymbol(), "invalid syntax");
        }
        List<Alias> aliases = new ArrayList<>();
        if (ctx.STAR() != null) {
            Token star = ctx.STAR().getSymbol();
            aliases.add(new Alias("*", null, line(star), column(star), endLine(star), endColumn(star)));
        } else {
            Import_as_namesContext names = ctx.import_as_names();
            List<Import_as_nameContext> items = names.import_as_name();
            if (ctx.LPAR() == null && names.getChildCount() > 2 * items.size() - 1) {
                throw errorAfter(names.stop, "trailing comma not allowed without surrounding parentheses");
            }
            for (Import_as_nameContext item : items) {
                List<NameContext> parts = item.name();
                aliases.add(new Alias(identifier(parts.get(0)), parts.size() > 1 ? identifier(parts.get(1)) : null,
                        line(item.start), column(item.start), endLine(item.stop), endColumn(item.stop)));
            }
        }
        return new ImportFrom(module == null ? null : dottedName(module), aliases, level, l, c, el, ec);
    }

    private String dottedName(Dotted_nameContext ctx) {
        List<NameContext> parts = ctx.name();
        if (parts.size() == 1) {
            return identifier(parts.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (NameContext part : parts) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(identifier(part));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------- compound statements

    private Statement compound(Compound_stmtContext ctx) {
        ParseTree first = ctx.getChild(0);
        if (first instanceof If_stmtContext s) return ifStatement(s);
        if (first instanceof While_stmtContext s) return whileStatement(s);
        if (first instanceof For_stmtContext s) return forStatement(s, null);
        if (first instanceof Try_stmtContext s) return tryStatement(s);
        if (first instanceof With_stmtContext s) return withStatement(s, null);
        if (first instanceof FuncdefContext s) return functionDef(s, null, List.of());
        if (first instanceof ClassdefContext s) return classDef(s, List.of());
        if (first instanceof DecoratedContext s) return decorated(s);
        if (first instanceof Match_stmtContext s) return matchStatement(s);
        Token async = ctx.ASYNC().getSymbol();
        ParseTree second = ctx.getChild(1);
        if (second instanceof FuncdefContext s) return functionDef(s, async, List.of());
        if (second instanceof With_stmtContext s) return withStatement(s, async);
        return forStatement((For_stmtContext) second, async);
    }

    private Statement ifStatement(If_stmtContext ctx) {
        List<Named_expressionContext> tests = ctx.named_expression();
        List<BlockContext> blocks = ctx.block();
        List<TerminalNode> elifs = ctx.ELIF();
        List<Statement> orelse = ctx.ELSE() != null ? block(blocks.get(blocks.size() - 1)) : List.of();
        Token end = lastSignificant(ctx);
        for (int i = tests.size() - 1; i >= 0; i--) {
            List<Statement> body = block(blocks.get(i));
            Token start = i == 0 ? ctx.start : elifs.get(i - 1).getSymbol();
            If node = new If(namedExpression(tests.get(i)), body, orelse, line(start), column(start), endLine(end),
                    endColumn(end));
            if (i == 0) {
                return node;
            }
            orelse = new ArrayList<>(1);
            orelse.add(node);
        }
        throw error(ctx.start, "invalid syntax");
    }

    private Statement whileStatement(While_stmtContext ctx) {
        List<BlockContext> blocks = ctx.block();
        List<Statement> body = block(blocks.get(0));
        List<Statement> orelse = blocks.size() > 1 ? block(blocks.get(1)) : List.of();
        Token end = lastSignificant(ctx);
        return new While(namedExpression(ctx.named_expression()), body, orelse, line(ctx.start), column(ctx.start),
                endLine(end), endColumn(end));
    }

    private Statement forStatement(For_stmtContext ctx, Token async) {
        Expression target = targetList(ctx.target_list(), TargetUse.FOR);
        Expression iter = starExpressions(ctx.star_expressions());
        List<BlockContext> blocks = ctx.block();
        List<Statement> body = block(blocks.get(0));
        List<Statement> orelse = blocks.size() > 1 ? block(blocks.get(1)) : List.of();
        Token end = lastSignificant(ctx);
        Token start = async != null ? async : ctx.start;
        if (async != null) {
            return new AsyncFor(target, iter, body, orelse, null, line(start), column(start), endLine(end),
                    endColumn(end));
        }
        return new For(target, iter, body, orelse, null, line(start), column(start), endLine(end),
                endColumn(end));
    }

    private Statement tryStatement(Try_stmtContext ctx) {
        List<Statement> body = null;
        List<Statement> orelse = List.of();
        List<Statement> finalbody = List.of();
        List<ExceptHandler> handlers = new ArrayList<>();
        Boolean star = null;
        int keyword = PythonLexer.TRY;
        Token end = lastSignificant(ctx);
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNodeImpl terminal) {
                int type = terminal.getSymbol().getType();
                if (type != PythonLexer.COLON) {
                    keyword = type;
                }
            } else if (child instanceof BlockContext blockCtx) {
                List<Statement> statements = block(blockCtx);
                if (keyword == PythonLexer.TRY) {
                    body = statements;
                } else if (keyword == PythonLexer.ELSE) {
                    orelse = statements;
                } else {
                    finalbody = statements;
                }
            } else if (child instanceof Except_clauseContext clause) {
                boolean isStar = clause.STAR() != null;
                if (star != null && star != isStar) {
                    throw error(clause.start, "cannot have both 'except' and 'except*' on the same 'try'");
                }
                star = isStar;
                ExceptHandler handler = exceptHandler(clause);
                handlers.add(handler);
            }
        }
        int l = line(ctx.start);
        int c = column(ctx.start);
        if (Boolean.TRUE.equals(star)) {
            return new TryStar(body, handlers, orelse, finalbody, l, c, endLine(end), endColumn(end));
        }
        return new Try(body, handlers, orelse, finalbody, l, c, endLine(end), endColumn(end));
    }

    private ExceptHandler exceptHandler(Except_clauseContext ctx) {
        ExpressionContext type = ctx.expression();
        if (type == null && ctx.STAR() != null) {
            throw error(ctx.COLON().getSymbol(), "expected one or more exception types");
        }
        List<Statement> body = block(ctx.block());
        Token end = lastSignificant(ctx);
        return new ExceptHandler(type == null ? null : expression(type), ctx.name() == null ? null : identifier(ctx.name()),
                body, line(ctx.start), column(ctx.start), endLine(end), endColumn(end));
    }

    private Statement withStatement(With_stmtContext ctx, Token async) {
        List<With_itemContext> itemContexts = ctx.with_item();
        List<WithItem> items = parenthesisedWithItems(itemContexts);
        if (items == null) {
            items = new ArrayList<>(itemContexts.size());
            for (With_itemContext item : itemContexts) {
                Expression vars = item.target() == null ? null : withContext(target(item.target()), STORE, TargetUse.WITH);
                items.add(new WithItem(expression(item.expression()), vars));
            }
        }
        List<Statement> body = block(ctx.block());
        Token end = lastSignificant(ctx);
        Token start = async != null ? async : ctx.start;
        if (async != null) {
            return new AsyncWith(items, body, null, line(start), column(start), endLine(end), endColumn(end));
        }
        return new With(items, body, null, line(start), column(start), endLine(end), endColumn(end));
    }

    /**
     * CPython first tries {@code with ( item, ... ):}; our grammar sees one parenthesised atom. This
     * splits that atom into items when CPython's first alternative would have matched, else null.
     */
    private List<WithItem> parenthesisedWithItems(List<With_itemContext> itemContexts) {
        if (itemContexts.size() != 1 || itemContexts.get(0).target() != null) {
            return null;
        }
        PrimaryContext atom = barePrimary(itemContexts.get(0).expression());
        if (!isParenthesisedAtom(atom) || atom.getChildCount() != 3) {
            return null;
        }
        Paren_bodyContext body = (Paren_bodyContext) atom.getChild(1);
        if (body.yield_expr() != null || body.comp_for() != null) {
            return null;
        }
        List<Paren_itemContext> parenItems = body.paren_item();
        for (Paren_itemContext item : parenItems) {
            Star_named_expressionContext element = item.star_named_expression();
            if (element.STAR() != null || element.named_expression().COLONEQUAL() != null) {
                return null;
            }
        }
        List<WithItem> items = new ArrayList<>(parenItems.size());
        for (Paren_itemContext item : parenItems) {
            Expression context = namedExpression(item.star_named_expression().named_expression());
            Expression vars = item.target() == null ? null : withContext(target(item.target()), STORE, TargetUse.WITH);
            items.add(new WithItem(context, vars));
        }
        return items;
    }

    private Statement decorated(DecoratedContext ctx) {
        List<Expression> decorators = new ArrayList<>();
        for (Named_expressionContext decorator : ctx.named_expression()) {
            decorators.add(namedExpression(decorator));
        }
        if (ctx.classdef() != null) {
            return classDef(ctx.classdef(), decorators);
        }
        return functionDef(ctx.funcdef(), ctx.ASYNC() == null ? null : ctx.ASYNC().getSymbol(), decorators);
    }

    private Statement functionDef(FuncdefContext ctx, Token async, List<Expression> decorators) {
        String name = identifier(ctx.name());
        List<TypeParam> typeParams = typeParams(ctx.type_params());
        Arguments args = parameters(ctx.parameters());
        Expression returns = ctx.expression() == null ? null : expression(ctx.expression());
        List<Statement> body = block(ctx.block());
        Token end = lastSignificant(ctx);
        Token start = async != null ? async : ctx.start;
        if (async != null) {
            return new AsyncFunctionDef(name, args, body, decorators, returns, null, typeParams, line(start),
                    column(start), endLine(end), endColumn(end));
        }
        return new FunctionDef(name, args, body, decorators, returns, null, typeParams, line(start), column(start),
                endLine(end), endColumn(end));
    }

    private Statement classDef(ClassdefContext ctx, List<Expression> decorators) {
        String name = identifier(ctx.name());
        List<TypeParam> typeParams = typeParams(ctx.type_params());
        List<Expression> bases = List.of();
        List<Keyword> keywords = List.of();
        if (ctx.arguments() != null) {
            List<Expression> args = new ArrayList<>();
            keywords = new ArrayList<>();
            arguments(ctx.arguments(), null, null, args, keywords);
            bases = args;
        }
        List<Statement> body = block(ctx.block());
        Token end = lastSignificant(ctx);
        return new ClassDef(name, bases, keywords, body, decorators, typeParams, line(ctx.start), column(ctx.start),
                endLine(end), endColumn(end));
    }

    private List<TypeParam> typeParams(Type_paramsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<TypeParam> out = new ArrayList<>();
        for (Type_paramContext param : ctx.type_param()) {
            String name = identifier(param.name());
            int l = line(param.start);
            int c = column(param.start);
            int el = endLine(param.stop);
            int ec = endColumn(param.stop);
            List<ExpressionContext> parts = param.expression();
            int kind = param.start.getType();
            if (kind == PythonLexer.STAR) {
                Expression defaultValue = null;
                if (param.expr() != null) {
                    Token star = param.STAR(1) != null ? param.STAR(1).getSymbol() : param.STAR(0).getSymbol();
                    defaultValue = new Starred(bitwiseOperand(param.expr()), LOAD, line(star), column(star), el, ec);
                } else if (!parts.isEmpty()) {
                    defaultValue = expression(parts.get(0));
                }
                out.add(new TypeVarTuple(name, defaultValue, l, c, el, ec));
            } else if (kind == PythonLexer.DOUBLESTAR) {
                out.add(new ParamSpec(name, parts.isEmpty() ? null : expression(parts.get(0)), l, c, el, ec));
            } else {
                Expression bound = null;
                Expression defaultValue = null;
                int index = 0;
                if (param.COLON() != null) {
                    bound = expression(parts.get(index++));
                }
                if (param.EQUAL() != null) {
                    defaultValue = expression(parts.get(index));
                }
                out.add(new TypeVar(name, bound, defaultValue, l, c, el, ec));
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------- parameters

    /** One parameter of a def or lambda, before the layout checks. */
    private record Parameter(int kind, Arg arg, Expression defaultValue, Token at) {
        static final int PLAIN = 0;
        static final int STAR = 1;
        static final int DOUBLE_STAR = 2;
        static final int SLASH = 3;
    }

    private Arguments parameters(ParametersContext ctx) {
        if (ctx == null) {
            return emptyArguments();
        }
        List<Parameter> items = new ArrayList<>();
        for (ParameterContext p : ctx.parameter()) {
            Token at = p.start;
            if (p.SLASH() != null) {
                items.add(new Parameter(Parameter.SLASH, null, null, at));
            } else if (p.DOUBLESTAR() != null) {
                items.add(new Parameter(Parameter.DOUBLE_STAR, arg(p.param(), false), null, at));
            } else if (p.STAR() != null) {
                items.add(new Parameter(Parameter.STAR, p.param() == null ? null : arg(p.param(), true), null, at));
            } else {
                items.add(new Parameter(Parameter.PLAIN, arg(p.param(), false),
                        p.expression() == null ? null : expression(p.expression()), at));
            }
        }
        return layout(items);
    }

    private Arg arg(ParamContext ctx, boolean mayStarAnnotation) {
        Expression annotation = null;
        if (ctx.expression() != null) {
            annotation = expression(ctx.expression());
        } else if (ctx.expr() != null) {
            Token star = ctx.STAR().getSymbol();
            if (!mayStarAnnotation) {
                throw error(star, "invalid syntax");
            }
            annotation = new Starred(bitwiseOperand(ctx.expr()), LOAD, line(star), column(star), endLine(ctx.stop),
                    endColumn(ctx.stop));
        }
        return new Arg(identifier(ctx.name()), annotation, null, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    private Arguments lambdaParameters(Lambda_parametersContext ctx) {
        if (ctx == null) {
            return emptyArguments();
        }
        List<Parameter> items = new ArrayList<>();
        for (Lambda_parameterContext p : ctx.lambda_parameter()) {
            Token at = p.start;
            Arg arg = p.name() == null ? null : new Arg(identifier(p.name()), null, null, line(p.name().start),
                    column(p.name().start), endLine(p.name().stop), endColumn(p.name().stop));
            if (p.SLASH() != null) {
                items.add(new Parameter(Parameter.SLASH, null, null, at));
            } else if (p.DOUBLESTAR() != null) {
                items.add(new Parameter(Parameter.DOUBLE_STAR, arg, null, at));
            } else if (p.STAR() != null) {
                items.add(new Parameter(Parameter.STAR, arg, null, at));
            } else {
                items.add(new Parameter(Parameter.PLAIN, arg, p.expression() == null ? null : expression(p.expression()), at));
            }
        }
        return layout(items);
    }

    private static Arguments emptyArguments() {
        return new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
    }

    /** Sorts parameters into CPython's {@code arguments} layout, with CPython's order checks. */
    private Arguments layout(List<Parameter> items) {
        List<Arg> posonly = List.of();
        List<Arg> positional = new ArrayList<>();
        List<Expression> defaults = new ArrayList<>();
        List<Arg> kwonly = new ArrayList<>();
        List<Expression> kwDefaults = new ArrayList<>();
        Arg vararg = null;
        Arg kwarg = null;
        boolean sawSlash = false;
        boolean sawStar = false;
        boolean sawKwarg = false;
        Token bareStar = null;
        for (Parameter item : items) {
            if (sawKwarg) {
                throw error(item.at(), "arguments cannot follow var-keyword argument");
            }
            switch (item.kind()) {
                case Parameter.SLASH:
                    if (sawSlash) {
                        throw error(item.at(), "/ may appear only once");
                    }
                    if (sawStar) {
                        throw error(item.at(), "/ must be ahead of *");
                    }
                    if (positional.isEmpty()) {
                        throw error(item.at(), "at least one argument must precede /");
                    }
                    sawSlash = true;
                    posonly = positional;
                    positional = new ArrayList<>();
                    break;
                case Parameter.STAR:
                    if (sawStar) {
                        throw error(item.at(), "* argument may appear only once");
                    }
                    sawStar = true;
                    vararg = item.arg();
                    if (vararg == null) {
                        bareStar = item.at();
                    }
                    break;
                case Parameter.DOUBLE_STAR:
                    sawKwarg = true;
                    kwarg = item.arg();
                    break;
                default:
                    if (sawStar) {
                        kwonly.add(item.arg());
                        kwDefaults.add(item.defaultValue());
                    } else {
                        if (item.defaultValue() != null) {
                            defaults.add(item.defaultValue());
                        } else if (!defaults.isEmpty()) {
                            throw error(item.at(), "parameter without a default follows parameter with a default");
                        }
                        positional.add(item.arg());
                    }
            }
        }
        if (bareStar != null && kwonly.isEmpty()) {
            throw error(bareStar, "named arguments must follow bare *");
        }
        return new Arguments(posonly, positional, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    // -------------------------------------------------------------------------------- match

    private Statement matchStatement(Match_stmtContext ctx) {
        Expression subject = starNamedExpressions(ctx.star_named_expressions(), true);
        List<MatchCase> cases = new ArrayList<>();
        Token end = lastSignificant(ctx);
        for (Case_blockContext caseBlock : ctx.case_block()) {
            Pattern pattern = patternList(caseBlock.pattern_list(), null, null);
            Expression guard = caseBlock.named_expression() == null ? null : namedExpression(caseBlock.named_expression());
            List<Statement> body = block(caseBlock.block());
            cases.add(new MatchCase(pattern, guard, body));
        }
        return new Match(subject, cases, line(ctx.start), column(ctx.start), endLine(end), endColumn(end));
    }

    /**
     * A comma-separated pattern list: a lone pattern stands for itself, anything else is a sequence
     * spanning from {@code open} to {@code close} when bracketed, else the list itself.
     */
    private Pattern patternList(Pattern_listContext ctx, Token open, Token close) {
        List<Star_patternContext> items = ctx.star_pattern();
        boolean comma = ctx.getChildCount() > 1;
        if (!comma && open == null && items.get(0).STAR() == null) {
            return pattern(items.get(0).pattern());
        }
        List<Pattern> patterns = new ArrayList<>(items.size());
        for (Star_patternContext item : items) {
            patterns.add(starPattern(item));
        }
        Token start = open != null ? open : ctx.start;
        Token stop = close != null ? close : ctx.stop;
        return new MatchSequence(patterns, line(start), column(start), endLine(stop), endColumn(stop));
    }

    private Pattern starPattern(Star_patternContext ctx) {
        if (ctx.STAR() != null) {
            String name = identifier(ctx.name());
            return new MatchStar(name.equals("_") ? null : name, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                    endColumn(ctx.stop));
        }
        return pattern(ctx.pattern());
    }

    private Pattern pattern(PatternContext ctx) {
        List<Closed_patternContext> alternatives = ctx.closed_pattern();
        Pattern result;
        if (alternatives.size() == 1) {
            result = closedPattern(alternatives.get(0));
        } else {
            List<Pattern> patterns = new ArrayList<>(alternatives.size());
            for (Closed_patternContext alternative : alternatives) {
                patterns.add(closedPattern(alternative));
            }
            Token stop = alternatives.get(alternatives.size() - 1).stop;
            result = new MatchOr(patterns, line(ctx.start), column(ctx.start), endLine(stop), endColumn(stop));
        }
        if (ctx.AS() != null) {
            String name = identifier(ctx.name());
            if (name.equals("_")) {
                throw error(ctx.name().start, "cannot use '_' as a target");
            }
            result = new MatchAs(result, name, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
        }
        return result;
    }

    private Pattern closedPattern(Closed_patternContext ctx) {
        int l = line(ctx.start);
        int c = column(ctx.start);
        int el = endLine(ctx.stop);
        int ec = endColumn(ctx.stop);
        if (ctx instanceof NumberPatternContext number) {
            return new MatchValue(numberPatternValue(number.signed_number(), number.NUMBER(), ctx), l, c, el, ec);
        }
        if (ctx instanceof StringPatternContext string) {
            return new MatchValue(strings(string.strings()), l, c, el, ec);
        }
        if (ctx instanceof SingletonPatternContext) {
            return new MatchSingleton(singleton(ctx.start), l, c, el, ec);
        }
        if (ctx instanceof NamePatternContext named) {
            List<NameContext> names = named.name();
            if (named.LPAR() == null) {
                if (names.size() == 1) {
                    String name = identifier(names.get(0));
                    return new MatchAs(null, name.equals("_") ? null : name, l, c, el, ec);
                }
                return new MatchValue(dottedExpression(names), l, c, el, ec);
            }
            return classPattern(dottedExpression(names), named.class_pattern_args(), l, c, el, ec);
        }
        if (ctx instanceof ParenPatternContext paren) {
            if (paren.pattern_list() == null) {
                return new MatchSequence(List.of(), l, c, el, ec);
            }
            Pattern_listContext list = paren.pattern_list();
            if (list.getChildCount() == 1) {
                Star_patternContext only = list.star_pattern(0);
                if (only.STAR() != null) {
                    throw error(only.start, "invalid syntax");
                }
                return pattern(only.pattern());
            }
            return patternList(list, ctx.start, ctx.stop);
        }
        if (ctx instanceof ListPatternContext list) {
            if (list.pattern_list() == null) {
                return new MatchSequence(List.of(), l, c, el, ec);
            }
            return patternList(list.pattern_list(), ctx.start, ctx.stop);
        }
        return mappingPattern((MappingPatternContext) ctx, l, c, el, ec);
    }

    private Object singleton(Token token) {
        switch (token.getType()) {
            case PythonLexer.TRUE: return Boolean.TRUE;
            case PythonLexer.FALSE: return Boolean.FALSE;
            default: return PyConstant.NONE;
        }
    }

    private Expression numberPatternValue(Signed_numberContext signed, TerminalNode imaginary, ParserRuleContext whole) {
        Expression real = signedNumber(signed);
        if (imaginary == null) {
            return real;
        }
        Constant left = (Constant) (real instanceof UnaryOp unary ? unary.operand() : real);
        if (left.value() instanceof PyConstant.Complex) {
            throw error(left, "real number required in complex literal");
        }
        Token imaginaryToken = imaginary.getSymbol();
        Constant right = numberConstant(imaginaryToken);
        if (!(right.value() instanceof PyConstant.Complex)) {
            throw error(right, "imaginary number required in complex literal");
        }
        Token operator = (Token) ((TerminalNodeImpl) whole.getChild(whole.getChildCount() - 2)).getSymbol();
        OperatorKind op = operator.getType() == PythonLexer.PLUS ? OperatorKind.Add : OperatorKind.Sub;
        return new BinOp(real, op, right, line(whole.start), column(whole.start), endLine(whole.stop),
                endColumn(whole.stop));
    }

    private Expression signedNumber(Signed_numberContext ctx) {
        Constant number = numberConstant(ctx.NUMBER().getSymbol());
        if (ctx.MINUS() == null) {
            return number;
        }
        return new UnaryOp(UnaryOpKind.USub, number, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    private Expression dottedExpression(List<NameContext> names) {
        NameContext first = names.get(0);
        Expression result = new Name(identifier(first), LOAD, line(first.start), column(first.start),
                endLine(first.stop), endColumn(first.stop));
        for (int i = 1; i < names.size(); i++) {
            NameContext part = names.get(i);
            result = new Attribute(result, identifier(part), LOAD, line(first.start), column(first.start),
                    endLine(part.stop), endColumn(part.stop));
        }
        return result;
    }

    private Pattern classPattern(Expression cls, Class_pattern_argsContext args, int l, int c, int el, int ec) {
        List<Pattern> patterns = new ArrayList<>();
        List<String> kwdAttrs = new ArrayList<>();
        List<Pattern> kwdPatterns = new ArrayList<>();
        if (args != null) {
            for (Class_pattern_argContext arg : args.class_pattern_arg()) {
                if (arg.EQUAL() != null) {
                    kwdAttrs.add(identifier(arg.name()));
                    kwdPatterns.add(pattern(arg.pattern()));
                } else {
                    if (!kwdAttrs.isEmpty()) {
                        throw error(arg.start, "positional patterns follow keyword patterns");
                    }
                    patterns.add(pattern(arg.pattern()));
                }
            }
        }
        return new MatchClass(cls, patterns, kwdAttrs, kwdPatterns, l, c, el, ec);
    }

    private Pattern mappingPattern(MappingPatternContext ctx, int l, int c, int el, int ec) {
        List<Expression> keys = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        String rest = null;
        for (Mapping_itemContext item : ctx.mapping_item()) {
            if (rest != null) {
                throw error(item.start, "invalid syntax");
            }
            if (item.DOUBLESTAR() != null) {
                rest = identifier(item.name());
                if (rest.equals("_")) {
                    throw error(item.name().start, "invalid syntax");
                }
                continue;
            }
            keys.add(mappingKey(item.mapping_key()));
            patterns.add(pattern(item.pattern()));
        }
        return new MatchMapping(keys, patterns, rest, l, c, el, ec);
    }

    private Expression mappingKey(Mapping_keyContext ctx) {
        if (ctx.signed_number() != null) {
            return numberPatternValue(ctx.signed_number(), ctx.NUMBER(), ctx);
        }
        if (ctx.strings() != null) {
            return strings(ctx.strings());
        }
        if (!ctx.name().isEmpty()) {
            return dottedExpression(ctx.name());
        }
        return new Constant(singleton(ctx.start), null, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    // ---------------------------------------------------------------------------- expressions

    private Expression starExpressions(Star_expressionsContext ctx) {
        if (ctx.getChildCount() == 1) {
            return starExpression((Star_expressionContext) ctx.getChild(0));
        }
        List<Star_expressionContext> items = ctx.star_expression();
        List<Expression> elements = new ArrayList<>(items.size());
        for (Star_expressionContext item : items) {
            elements.add(starExpression(item));
        }
        return new Tuple(elements, LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Expression starExpression(Star_expressionContext ctx) {
        if (ctx.getChildCount() == 1) {
            return expression((ExpressionContext) ctx.getChild(0));
        }
        return new Starred(bitwiseOperand(ctx.expr()), LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    private Expression starNamedExpressions(Star_named_expressionsContext ctx, boolean isMatchSubject) {
        List<Star_named_expressionContext> items = ctx.star_named_expression();
        if (ctx.getChildCount() == 1) {
            Star_named_expressionContext only = items.get(0);
            if (isMatchSubject && only.STAR() != null) {
                throw error(only.start, "invalid syntax");
            }
            return starNamedExpression(only);
        }
        List<Expression> elements = new ArrayList<>(items.size());
        for (Star_named_expressionContext item : items) {
            elements.add(starNamedExpression(item));
        }
        return new Tuple(elements, LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Expression starNamedExpression(Star_named_expressionContext ctx) {
        if (ctx.getChildCount() == 1) {
            return namedExpression((Named_expressionContext) ctx.getChild(0));
        }
        return new Starred(bitwiseOperand(ctx.expr()), LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    private Expression namedExpression(Named_expressionContext ctx) {
        if (ctx.getChildCount() == 1) {
            return expression((ExpressionContext) ctx.getChild(0));
        }
        NameContext nameCtx = ctx.name();
        Name target = new Name(identifier(nameCtx), STORE, line(nameCtx.start), column(nameCtx.start),
                endLine(nameCtx.stop), endColumn(nameCtx.stop));
        return new NamedExpr(target, expression(ctx.expression()), line(ctx.start), column(ctx.start),
                endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Expression expression(ExpressionContext ctx) {
        ParseTree first = ctx.getChild(0);
        if (first instanceof LambdefContext lambda) {
            return new Lambda(lambdaParameters(lambda.lambda_parameters()), expression(lambda.expression()),
                    line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
        }
        if (ctx.getChildCount() == 1) {
            return disjunction((DisjunctionContext) first);
        }
        List<DisjunctionContext> parts = ctx.disjunction();
        return new IfExp(disjunction(parts.get(1)), disjunction(parts.get(0)), expression(ctx.expression()),
                line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    /** A flat `not a and b or c` list, grouped as CPython does: `not`, then `and`, then `or`. */
    private Expression disjunction(DisjunctionContext ctx) {
        int n = ctx.getChildCount();
        if (n == 1) {
            return expr((PythonParser.ExprContext) ctx.getChild(0));
        }
        List<Expression> alternatives = new ArrayList<>(2);
        List<Expression> conjunction = new ArrayList<>(2);
        Token conjunctionStart = null;
        Token conjunctionStop = null;
        int i = 0;
        while (i < n) {
            int firstNot = i;
            while (ctx.getChild(i) instanceof TerminalNodeImpl) {
                i++;
            }
            PythonParser.ExprContext operand = (PythonParser.ExprContext) ctx.getChild(i);
            Expression value = expr(operand);
            int el = endLine(operand.stop);
            int ec = endColumn(operand.stop);
            for (int k = i - 1; k >= firstNot; k--) {
                Token not = ((TerminalNodeImpl) ctx.getChild(k)).getSymbol();
                value = new UnaryOp(UnaryOpKind.Not, value, line(not), column(not), el, ec);
            }
            if (conjunction.isEmpty()) {
                conjunctionStart = firstNot < i ? ((TerminalNodeImpl) ctx.getChild(firstNot)).getSymbol() : operand.start;
            }
            conjunction.add(value);
            conjunctionStop = operand.stop;
            i++;
            if (i >= n || ((TerminalNodeImpl) ctx.getChild(i)).getSymbol().getType() == PythonLexer.OR) {
                alternatives.add(conjunction.size() == 1 ? conjunction.get(0)
                        : new BoolOp(BoolOpKind.And, conjunction, line(conjunctionStart), column(conjunctionStart),
                                endLine(conjunctionStop), endColumn(conjunctionStop)));
                conjunction = new ArrayList<>(2);
            }
            i++;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return new BoolOp(BoolOpKind.Or, alternatives, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                endColumn(ctx.stop));
    }

    private Expression yieldExpression(Yield_exprContext ctx) {
        int l = line(ctx.start);
        int c = column(ctx.start);
        int el = endLine(ctx.stop);
        int ec = endColumn(ctx.stop);
        if (ctx.FROM() != null) {
            return new YieldFrom(expression(ctx.expression()), l, c, el, ec);
        }
        return new Yield(ctx.star_expressions() == null ? null : starExpressions(ctx.star_expressions()), l, c, el, ec);
    }

    /** An operand of `*`, `**` unpacking: CPython allows only `bitwise_or` there. */
    private Expression bitwiseOperand(PythonParser.ExprContext ctx) {
        if (ctx.getChildCount() == 1) {
            return expr(ctx);
        }
        OperatorGrouping grouping = new OperatorGrouping(ctx);
        if (grouping.hasComparison) {
            throw error(ctx.start, "invalid syntax");
        }
        return grouping.group();
    }

    private Expression expr(PythonParser.ExprContext ctx) {
        if (ctx.getChildCount() == 1) {
            return primary((PrimaryContext) ctx.getChild(0));
        }
        return new OperatorGrouping(ctx).group();
    }

    /** The operator type {@link OperatorGrouping} gives `is not` (`not in` is NOT, its first token). */
    private static final int IS_NOT = -2;
    /** Levels of the left-associative binary operators, loosest first, then prefix operators. */
    private static final int BITWISE_OR = 1;
    private static final int FACTOR = 7;

    /**
     * Groups the flat operand and operator list of an {@code expr} by Python's precedence, as
     * CPython's rules from {@code comparison} down to {@code await_primary} do: one n-ary Compare
     * for all comparisons; then {@code |}, {@code ^}, {@code &}, shifts, {@code + -} and
     * {@code * / // % @}, each left-associative; then the prefix operators {@code + - ~}; then
     * {@code **}, right-associative, whose left operand is an await or primary and whose right
     * operand is again a prefix-operator level ({@code -a ** -b} is {@code -(a ** (-b))}). Each
     * node spans its operands' tokens, parentheses included.
     */
    private final class OperatorGrouping {
        private final PythonParser.ExprContext ctx;
        /** Per operand, the child index of its first child (prefix operator, await or primary). */
        private final int[] operandStart;
        /** Per operand, the child index of its primary. */
        private final int[] operandPrimary;
        /** The operator after each operand but the last, as a token type (see {@link #IS_NOT}). */
        private final int[] operators;
        private final int operandCount;
        final boolean hasComparison;
        /** The next operand to group; the operator before it is the one pending. */
        private int cursor;

        OperatorGrouping(PythonParser.ExprContext ctx) {
            this.ctx = ctx;
            int n = ctx.getChildCount();
            int capacity = n / 2 + 1;
            operandStart = new int[capacity];
            operandPrimary = new int[capacity];
            operators = new int[capacity];
            boolean comparison = false;
            int count = 0;
            int i = 0;
            while (true) {
                operandStart[count] = i;
                while (ctx.getChild(i) instanceof TerminalNodeImpl) {
                    i++;
                }
                operandPrimary[count] = i;
                count++;
                i++;
                if (i >= n) {
                    break;
                }
                int type = token(i).getType();
                Token next = token(i + 1);
                if (type == PythonLexer.NOT) {
                    i += 2;
                } else if (type == PythonLexer.IS && next != null && next.getType() == PythonLexer.NOT) {
                    type = IS_NOT;
                    i += 2;
                } else {
                    i++;
                }
                operators[count - 1] = type;
                comparison |= precedence(type) == 0;
            }
            operandCount = count;
            hasComparison = comparison;
        }

        Expression group() {
            return comparison();
        }

        private Token token(int child) {
            return ctx.getChild(child) instanceof TerminalNodeImpl terminal ? terminal.getSymbol() : null;
        }

        private int pending() {
            return cursor - 1 < operandCount - 1 ? operators[cursor - 1] : Token.INVALID_TYPE;
        }

        private Token operandStartToken(int operand) {
            Token prefix = token(operandStart[operand]);
            return prefix != null ? prefix : ((PrimaryContext) ctx.getChild(operandPrimary[operand])).start;
        }

        private Token operandStopToken(int operand) {
            return ((PrimaryContext) ctx.getChild(operandPrimary[operand])).stop;
        }

        private Expression comparison() {
            int first = cursor;
            Expression left = binary(BITWISE_OR);
            if (precedence(pending()) != 0) {
                return left;
            }
            List<CmpOpKind> ops = new ArrayList<>(2);
            List<Expression> comparators = new ArrayList<>(2);
            while (precedence(pending()) == 0) {
                ops.add(comparisonOperator(pending()));
                comparators.add(binary(BITWISE_OR));
            }
            Token start = operandStartToken(first);
            Token stop = operandStopToken(cursor - 1);
            return new Compare(left, ops, comparators, line(start), column(start), endLine(stop), endColumn(stop));
        }

        private Expression binary(int level) {
            if (level == FACTOR) {
                return factor(operandStart[cursor]);
            }
            int first = cursor;
            Expression left = binary(level + 1);
            while (precedence(pending()) == level) {
                OperatorKind kind = binaryOperator(pending());
                Expression right = binary(level + 1);
                Token start = operandStartToken(first);
                Token stop = operandStopToken(cursor - 1);
                left = new BinOp(left, kind, right, line(start), column(start), endLine(stop), endColumn(stop));
            }
            return left;
        }

        /** The operand at the cursor from its child {@code child} on: prefix operators, then a power. */
        private Expression factor(int child) {
            Token prefix = token(child);
            if (prefix == null || prefix.getType() == PythonLexer.AWAIT) {
                return power();
            }
            UnaryOpKind op = prefix.getType() == PythonLexer.MINUS ? UnaryOpKind.USub
                    : prefix.getType() == PythonLexer.PLUS ? UnaryOpKind.UAdd : UnaryOpKind.Invert;
            Expression operand = factor(child + 1);
            Token stop = operandStopToken(cursor - 1);
            return new UnaryOp(op, operand, line(prefix), column(prefix), endLine(stop), endColumn(stop));
        }

        private Expression power() {
            int operand = cursor++;
            int primaryIndex = operandPrimary[operand];
            PrimaryContext primary = (PrimaryContext) ctx.getChild(primaryIndex);
            Expression base = primary(primary);
            Token start = primary.start;
            Token await = primaryIndex > operandStart[operand] ? token(primaryIndex - 1) : null;
            if (await != null && await.getType() == PythonLexer.AWAIT) {
                base = new Await(base, line(await), column(await), endLine(primary.stop), endColumn(primary.stop));
                start = await;
            }
            if (pending() != PythonLexer.DOUBLESTAR) {
                return base;
            }
            Expression exponent = factor(operandStart[cursor]);
            Token stop = operandStopToken(cursor - 1);
            return new BinOp(base, OperatorKind.Pow, exponent, line(start), column(start), endLine(stop), endColumn(stop));
        }
    }

    /** 0 for a comparison, else the level of a left-associative binary operator; -1 for others. */
    private static int precedence(int operator) {
        switch (operator) {
            case PythonLexer.LESS: case PythonLexer.GREATER: case PythonLexer.EQEQUAL: case PythonLexer.GREATEREQUAL:
            case PythonLexer.LESSEQUAL: case PythonLexer.NOTEQUAL: case PythonLexer.IN: case PythonLexer.NOT:
            case PythonLexer.IS: case IS_NOT:
                return 0;
            case PythonLexer.VBAR: return BITWISE_OR;
            case PythonLexer.CIRCUMFLEX: return 2;
            case PythonLexer.AMPER: return 3;
            case PythonLexer.LEFTSHIFT: case PythonLexer.RIGHTSHIFT: return 4;
            case PythonLexer.PLUS: case PythonLexer.MINUS: return 5;
            case PythonLexer.STAR: case PythonLexer.SLASH: case PythonLexer.DOUBLESLASH: case PythonLexer.PERCENT:
            case PythonLexer.AT:
                return 6;
            default: return -1;
        }
    }

    private static OperatorKind binaryOperator(int operator) {
        switch (operator) {
            case PythonLexer.STAR: return OperatorKind.Mult;
            case PythonLexer.SLASH: return OperatorKind.Div;
            case PythonLexer.DOUBLESLASH: return OperatorKind.FloorDiv;
            case PythonLexer.PERCENT: return OperatorKind.Mod;
            case PythonLexer.AT: return OperatorKind.MatMult;
            case PythonLexer.PLUS: return OperatorKind.Add;
            case PythonLexer.MINUS: return OperatorKind.Sub;
            case PythonLexer.LEFTSHIFT: return OperatorKind.LShift;
            case PythonLexer.RIGHTSHIFT: return OperatorKind.RShift;
            case PythonLexer.AMPER: return OperatorKind.BitAnd;
            case PythonLexer.CIRCUMFLEX: return OperatorKind.BitXor;
            default: return OperatorKind.BitOr;
        }
    }

    private static CmpOpKind comparisonOperator(int operator) {
        switch (operator) {
            case PythonLexer.LESS: return CmpOpKind.Lt;
            case PythonLexer.GREATER: return CmpOpKind.Gt;
            case PythonLexer.EQEQUAL: return CmpOpKind.Eq;
            case PythonLexer.GREATEREQUAL: return CmpOpKind.GtE;
            case PythonLexer.LESSEQUAL: return CmpOpKind.LtE;
            case PythonLexer.NOTEQUAL: return CmpOpKind.NotEq;
            case PythonLexer.IN: return CmpOpKind.In;
            case PythonLexer.NOT: return CmpOpKind.NotIn;
            case IS_NOT: return CmpOpKind.IsNot;
            default: return CmpOpKind.Is;
        }
    }

    /** An atom and its trailers, folded from the left; each trailer's node starts where the atom does. */
    private Expression primary(PrimaryContext ctx) {
        int count = ctx.getChildCount();
        Token start = ctx.start;
        Expression value;
        int next;
        if (!(ctx.getChild(0) instanceof TerminalNodeImpl)) {
            value = strings((StringsContext) ctx.getChild(0));
            next = 1;
        } else if (start.getType() == PythonLexer.LPAR || start.getType() == PythonLexer.LSQB
                || start.getType() == PythonLexer.LBRACE) {
            ParseTree second = ctx.getChild(1);
            ParserRuleContext body = second instanceof TerminalNodeImpl ? null : (ParserRuleContext) second;
            next = body == null ? 2 : 3;
            Token close = ((TerminalNodeImpl) ctx.getChild(next - 1)).getSymbol();
            value = enclosure(start, body, close);
        } else {
            value = atom(start);
            next = 1;
        }
        if (next == count) {
            return value;
        }
        int l = line(start);
        int c = column(start);
        while (next < count) {
            Token opener = ((TerminalNodeImpl) ctx.getChild(next)).getSymbol();
            if (opener.getType() == PythonLexer.DOT) {
                Token name = ((TerminalNodeImpl) ctx.getChild(next + 1)).getSymbol();
                value = new Attribute(value, identifier(name), LOAD, l, c, endLine(name), endColumn(name));
                next += 2;
            } else if (opener.getType() == PythonLexer.LPAR) {
                if (ctx.getChild(next + 1) instanceof TerminalNodeImpl closeNode) {
                    Token close = closeNode.getSymbol();
                    value = new Call(value, List.of(), List.of(), l, c, endLine(close), endColumn(close));
                    next += 2;
                } else {
                    Token close = ((TerminalNodeImpl) ctx.getChild(next + 2)).getSymbol();
                    List<Expression> args = new ArrayList<>();
                    List<Keyword> keywords = new ArrayList<>();
                    arguments((ArgumentsContext) ctx.getChild(next + 1), opener, close, args, keywords);
                    value = new Call(value, args, keywords, l, c, endLine(close), endColumn(close));
                    next += 3;
                }
            } else {
                Token close = ((TerminalNodeImpl) ctx.getChild(next + 2)).getSymbol();
                value = new Subscript(value, slices((SlicesContext) ctx.getChild(next + 1)), LOAD, l, c,
                        endLine(close), endColumn(close));
                next += 3;
            }
        }
        return value;
    }

    /**
     * Fills call arguments with CPython's ordering checks. {@code open}/{@code close} are the call's
     * parentheses, which a lone generator argument spans; null for class bases, where it is illegal.
     */
    private void arguments(ArgumentsContext ctx, Token open, Token close, List<Expression> args,
                           List<Keyword> keywords) {
        boolean sawKeyword = false;
        boolean sawKeywordUnpacking = false;
        Token keywordUnpackingEnd = null;
        int count = ctx.getChildCount();
        for (int index = 0; index < count; index += 2) {
            ArgumentContext item = (ArgumentContext) ctx.getChild(index);
            int l = line(item.start);
            int c = column(item.start);
            int el = endLine(item.stop);
            int ec = endColumn(item.stop);
            int first = item.start.getType();
            if (item.getChildCount() == 3 && item.getChild(1) instanceof TerminalNodeImpl) {
                keywords.add(new Keyword(identifier((NameContext) item.getChild(0)),
                        expression((ExpressionContext) item.getChild(2)), l, c, el, ec));
                sawKeyword = true;
            } else if (first == PythonLexer.DOUBLESTAR) {
                keywords.add(new Keyword(null, expression(item.expression()), l, c, el, ec));
                sawKeywordUnpacking = true;
                keywordUnpackingEnd = item.stop;
            } else if (first == PythonLexer.STAR) {
                if (sawKeywordUnpacking) {
                    throw errorAfter(keywordUnpackingEnd, "iterable argument unpacking follows keyword argument unpacking");
                }
                args.add(new Starred(expression(item.expression()), LOAD, l, c, el, ec));
            } else {
                if (sawKeywordUnpacking) {
                    throw errorAfter(item.stop, "positional argument follows keyword argument unpacking");
                }
                if (sawKeyword) {
                    throw errorAfter(item.stop, "positional argument follows keyword argument");
                }
                Expression value = namedExpression((Named_expressionContext) item.getChild(0));
                if (item.getChildCount() == 2) {
                    if (open == null) {
                        throw error(item.comp_for().start, "invalid syntax");
                    }
                    if (ctx.getChildCount() != 1) {
                        throw error(item.start, "Generator expression must be parenthesized");
                    }
                    value = new GeneratorExp(value, comprehensions(item.comp_for()), line(open), column(open),
                            endLine(close), endColumn(close));
                }
                args.add(value);
            }
        }
    }

    private Expression slices(SlicesContext ctx) {
        List<SliceContext> items = ctx.slice();
        if (ctx.getChildCount() == 1) {
            Expression only = slice(items.get(0));
            if (!(only instanceof Starred)) {
                return only;
            }
            return new Tuple(List.of(only), LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                    endColumn(ctx.stop));
        }
        List<Expression> elements = new ArrayList<>(items.size());
        for (SliceContext item : items) {
            elements.add(slice(item));
        }
        return new Tuple(elements, LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Expression slice(SliceContext ctx) {
        if (ctx.STAR() != null) {
            return new Starred(bitwiseOperand(ctx.expr()), LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop),
                    endColumn(ctx.stop));
        }
        if (ctx.getChildCount() == 1 && ctx.named_expression() != null) {
            return namedExpression(ctx.named_expression());
        }
        Expression lower = null;
        Expression upper = null;
        Expression step = null;
        int colons = 0;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNodeImpl) {
                colons++;
            } else if (child instanceof Named_expressionContext named) {
                if (named.COLONEQUAL() != null) {
                    throw error(named.start, "invalid syntax");
                }
                lower = namedExpression(named);
            } else if (colons == 1) {
                upper = expression((ExpressionContext) child);
            } else {
                step = expression((ExpressionContext) child);
            }
        }
        return new Slice(lower, upper, step, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    /** A one-token atom: a name, a number, True, False, None or `...`. */
    private Expression atom(Token token) {
        int l = line(token);
        int c = column(token);
        int el = endLine(token);
        int ec = endColumn(token);
        switch (token.getType()) {
            case PythonLexer.NUMBER: return numberConstant(token);
            case PythonLexer.TRUE: return new Constant(Boolean.TRUE, null, l, c, el, ec);
            case PythonLexer.FALSE: return new Constant(Boolean.FALSE, null, l, c, el, ec);
            case PythonLexer.NONE: return new Constant(PyConstant.NONE, null, l, c, el, ec);
            case PythonLexer.ELLIPSIS: return new Constant(PyConstant.ELLIPSIS, null, l, c, el, ec);
            default: return new Name(identifier(token), LOAD, l, c, el, ec);
        }
    }

    /** A parenthesised, bracketed or braced atom; {@code body} is null when it is empty. */
    private Expression enclosure(Token open, ParserRuleContext body, Token close) {
        int l = line(open);
        int c = column(open);
        int el = endLine(close);
        int ec = endColumn(close);
        if (open.getType() == PythonLexer.LPAR) {
            return parenthesised((Paren_bodyContext) body, l, c, el, ec);
        }
        if (open.getType() == PythonLexer.LSQB) {
            return list((List_bodyContext) body, l, c, el, ec);
        }
        return braces((Brace_bodyContext) body, l, c, el, ec);
    }

    private Expression parenthesised(Paren_bodyContext body, int l, int c, int el, int ec) {
        if (body == null) {
            return new Tuple(List.of(), LOAD, l, c, el, ec);
        }
        if (body.yield_expr() != null) {
            return yieldExpression(body.yield_expr());
        }
        List<Paren_itemContext> items = body.paren_item();
        if (body.comp_for() != null) {
            Expression element = parenItem(items.get(0));
            if (element instanceof Starred) {
                throw error(element, "iterable unpacking cannot be used in comprehension");
            }
            return new GeneratorExp(element, comprehensions(body.comp_for()), l, c, el, ec);
        }
        if (body.getChildCount() == 1) {
            Expression element = parenItem(items.get(0));
            if (element instanceof Starred) {
                throw error(element, "cannot use starred expression here");
            }
            return element;
        }
        List<Expression> elements = new ArrayList<>(items.size());
        for (Paren_itemContext item : items) {
            elements.add(parenItem(item));
        }
        return new Tuple(elements, LOAD, l, c, el, ec);
    }

    private Expression parenItem(Paren_itemContext item) {
        if (item.AS() != null) {
            throw error(item.AS().getSymbol(), "invalid syntax");
        }
        return starNamedExpression(item.star_named_expression());
    }

    private Expression list(List_bodyContext body, int l, int c, int el, int ec) {
        if (body == null) {
            return new dev.pitfall.ast.List(List.of(), LOAD, l, c, el, ec);
        }
        List<Star_named_expressionContext> items = body.star_named_expression();
        if (body.comp_for() != null) {
            Expression element = starNamedExpression(items.get(0));
            if (element instanceof Starred) {
                throw error(element, "iterable unpacking cannot be used in comprehension");
            }
            return new ListComp(element, comprehensions(body.comp_for()), l, c, el, ec);
        }
        List<Expression> elements = new ArrayList<>(items.size());
        for (Star_named_expressionContext item : items) {
            elements.add(starNamedExpression(item));
        }
        return new dev.pitfall.ast.List(elements, LOAD, l, c, el, ec);
    }

    private Expression braces(Brace_bodyContext body, int l, int c, int el, int ec) {
        if (body == null) {
            return new Dict(List.of(), List.of(), l, c, el, ec);
        }
        if (body.DOUBLESTAR() != null) {
            List<Expression> keys = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            keys.add(null);
            values.add(bitwiseOperand(body.expr()));
            dictItems(body.dict_item(), keys, values);
            return new Dict(keys, values, l, c, el, ec);
        }
        if (body.STAR() != null) {
            List<Expression> elements = new ArrayList<>();
            elements.add(new Starred(bitwiseOperand(body.expr()), LOAD, line(body.STAR().getSymbol()),
                    column(body.STAR().getSymbol()), endLine(body.expr().stop), endColumn(body.expr().stop)));
            for (Star_named_expressionContext item : body.star_named_expression()) {
                elements.add(starNamedExpression(item));
            }
            return new dev.pitfall.ast.Set(elements, l, c, el, ec);
        }
        Named_expressionContext firstCtx = body.named_expression();
        if (body.COLON() != null) {
            if (firstCtx.COLONEQUAL() != null) {
                throw error(firstCtx.COLONEQUAL().getSymbol(), "invalid syntax");
            }
            Expression key = namedExpression(firstCtx);
            Expression value = expression(body.expression());
            if (body.comp_for() != null) {
                return new DictComp(key, value, comprehensions(body.comp_for()), l, c, el, ec);
            }
            List<Expression> keys = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            keys.add(key);
            values.add(value);
            dictItems(body.dict_item(), keys, values);
            return new Dict(keys, values, l, c, el, ec);
        }
        Expression first = namedExpression(firstCtx);
        if (body.comp_for() != null) {
            return new SetComp(first, comprehensions(body.comp_for()), l, c, el, ec);
        }
        List<Expression> elements = new ArrayList<>();
        elements.add(first);
        for (Star_named_expressionContext item : body.star_named_expression()) {
            elements.add(starNamedExpression(item));
        }
        return new dev.pitfall.ast.Set(elements, l, c, el, ec);
    }

    private void dictItems(List<Dict_itemContext> items, List<Expression> keys, List<Expression> values) {
        for (Dict_itemContext item : items) {
            if (item.DOUBLESTAR() != null) {
                keys.add(null);
                values.add(bitwiseOperand(item.expr()));
            } else {
                keys.add(expression(item.expression(0)));
                values.add(expression(item.expression(1)));
            }
        }
    }

    private List<Comprehension> comprehensions(Comp_forContext ctx) {
        List<Comprehension> out = new ArrayList<>(1);
        int async = 0;
        Expression target = null;
        Expression iter = null;
        List<Expression> ifs = null;
        int n = ctx.getChildCount();
        for (int i = 0; i < n; i++) {
            ParseTree child = ctx.getChild(i);
            if (!(child instanceof TerminalNodeImpl terminal)) {
                continue;
            }
            switch (terminal.getSymbol().getType()) {
                case PythonLexer.ASYNC:
                case PythonLexer.FOR:
                    if (target != null) {
                        out.add(new Comprehension(target, iter, ifs, async));
                        target = null;
                        async = 0;
                    }
                    if (terminal.getSymbol().getType() == PythonLexer.ASYNC) {
                        async = 1;
                    } else {
                        target = targetList((Target_listContext) ctx.getChild(i + 1), TargetUse.FOR);
                        ifs = List.of();
                    }
                    break;
                case PythonLexer.IN:
                    iter = disjunction((DisjunctionContext) ctx.getChild(i + 1));
                    break;
                default:
                    if (ifs.isEmpty()) {
                        ifs = new ArrayList<>(1);
                    }
                    ifs.add(disjunction((DisjunctionContext) ctx.getChild(i + 1)));
            }
        }
        out.add(new Comprehension(target, iter, ifs, async));
        return out;
    }

    private Expression targetList(Target_listContext ctx, TargetUse use) {
        List<TargetContext> items = ctx.target();
        if (ctx.getChildCount() == 1) {
            return withContext(target(items.get(0)), STORE, use);
        }
        List<Expression> elements = new ArrayList<>(items.size());
        for (TargetContext item : items) {
            elements.add(withContext(target(item), STORE, use));
        }
        return new Tuple(elements, STORE, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    private Expression target(TargetContext ctx) {
        Expression value = primary(ctx.primary());
        if (ctx.STAR() == null) {
            return value;
        }
        return new Starred(value, LOAD, line(ctx.start), column(ctx.start), endLine(ctx.stop), endColumn(ctx.stop));
    }

    // ---------------------------------------------------------------------- names and literals

    private String identifier(NameContext ctx) {
        return identifier(ctx.start);
    }

    private String identifier(Token token) {
        if (names != null) {
            return names.name(token.getStartIndex(), token.getStopIndex());
        }
        String text = token.getText();
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    private Constant numberConstant(Token token) {
        String text = token.getText();
        if (text.indexOf('_') >= 0) {
            text = text.replace("_", "");
        }
        Object value = numberValue(text);
        return new Constant(value, null, line(token), column(token), endLine(token), endColumn(token));
    }

    private static Object numberValue(String text) {
        char last = text.charAt(text.length() - 1);
        if (last == 'j' || last == 'J') {
            return new PyConstant.Complex(FloatLiterals.parse(text.substring(0, text.length() - 1)));
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            char radix = Character.toLowerCase(text.charAt(1));
            if (radix == 'x') return new BigInteger(text.substring(2), 16);
            if (radix == 'o') return new BigInteger(text.substring(2), 8);
            if (radix == 'b') return new BigInteger(text.substring(2), 2);
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '.' || ch == 'e' || ch == 'E') {
                return FloatLiterals.parse(text);
            }
        }
        if (text.length() < 18) {
            return BigInteger.valueOf(Long.parseLong(text));
        }
        return new BigInteger(text);
    }

    /** A run of adjacent string literals: one Constant, or a JoinedStr if any part is an f-string. */
    private Expression strings(StringsContext ctx) {
        int n = ctx.getChildCount();
        Token first = ctx.start;
        int l = line(first);
        int c = column(first);
        int el = endLine(ctx.stop);
        int ec = endColumn(ctx.stop);
        boolean formatted = false;
        boolean bytes = false;
        boolean text = false;
        for (int i = 0; i < n; i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof FstringContext) {
                formatted = true;
                text = true;
            } else {
                String literal = ((TerminalNodeImpl) child).getSymbol().getText();
                if (StringLiterals.hasPrefix(literal, StringLiterals.prefixLength(literal), 'b')) {
                    bytes = true;
                } else {
                    text = true;
                }
            }
        }
        if (bytes && text) {
            throw errorAfter(ctx.stop, "cannot mix bytes and nonbytes literals");
        }
        if (bytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                Token token = ((TerminalNodeImpl) ctx.getChild(i)).getSymbol();
                String literal = token.getText();
                int prefix = StringLiterals.prefixLength(literal);
                try {
                    out.writeBytes(StringLiterals.decodeBytes(StringLiterals.body(literal, prefix),
                            StringLiterals.hasPrefix(literal, prefix, 'r')));
                } catch (IllegalArgumentException bad) {
                    throw error(token, bad.getMessage());
                }
            }
            return new Constant(new PyConstant.Bytes(out.toByteArray()), null, l, c, el, ec);
        }
        String firstLiteral = first.getType() == PythonLexer.STRING ? first.getText() : null;
        String kind = firstLiteral != null
                && StringLiterals.hasPrefix(firstLiteral, StringLiterals.prefixLength(firstLiteral), 'u') ? "u" : null;
        if (!formatted) {
            if (n == 1) {
                return new Constant(StringLiterals.strValue(decodeString(first)), kind, l, c, el, ec);
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append(decodeString(((TerminalNodeImpl) ctx.getChild(i)).getSymbol()));
            }
            return new Constant(StringLiterals.strValue(out.toString()), kind, l, c, el, ec);
        }
        JoinedParts parts = new JoinedParts();
        for (int i = 0; i < n; i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof FstringContext fstring) {
                fstring(fstring, parts);
            } else {
                Token token = ((TerminalNodeImpl) child).getSymbol();
                String literal = token.getText();
                boolean unicode = StringLiterals.hasPrefix(literal, StringLiterals.prefixLength(literal), 'u');
                parts.addText(decodeString(token), unicode ? "u" : null, token, token);
            }
        }
        return new JoinedStr(parts.finish(), l, c, el, ec);
    }

    private String decodeString(Token token) {
        String literal = token.getText();
        int prefix = StringLiterals.prefixLength(literal);
        try {
            return StringLiterals.decodeString(StringLiterals.body(literal, prefix),
                    StringLiterals.hasPrefix(literal, prefix, 'r'), false);
        } catch (IllegalArgumentException bad) {
            throw error(token, bad.getMessage());
        }
    }

    /**
     * The values of a JoinedStr under construction: adjacent literal text merges into one Constant
     * spanning from the first piece to the last, as CPython 3.13 does.
     */
    private final class JoinedParts {
        private final List<Expression> values = new ArrayList<>();
        private StringBuilder pending;
        private String pendingKind;
        private int pendingLine;
        private int pendingColumn;
        private int pendingEndLine;
        private int pendingEndColumn;

        /** Adds literal text; {@code kind} is "u" for a u-prefixed string, which marks a whole run. */
        void addText(String text, String kind, Token from, Token to) {
            addText(text, kind, line(from), column(from), endLine(to), endColumn(to));
        }

        void addText(String text, String kind, int l, int c, int el, int ec) {
            if (text.isEmpty()) {
                return;
            }
            if (pending == null) {
                pending = new StringBuilder(text);
                pendingKind = kind;
                pendingLine = l;
                pendingColumn = c;
            } else {
                pending.append(text);
            }
            pendingEndLine = el;
            pendingEndColumn = ec;
        }

        void addValue(Expression value) {
            flush();
            values.add(value);
        }

        private void flush() {
            if (pending != null) {
                values.add(new Constant(StringLiterals.strValue(pending.toString()), pendingKind, pendingLine,
                        pendingColumn, pendingEndLine, pendingEndColumn));
                pending = null;
            }
        }

        List<Expression> finish() {
            flush();
            return values;
        }
    }

    private void fstring(FstringContext ctx, JoinedParts parts) {
        String start = ctx.FSTRING_START().getText();
        boolean raw = StringLiterals.hasPrefix(start, StringLiterals.prefixLength(start), 'r');
        fstringParts(ctx, 1, ctx.getChildCount() - 1, raw, parts);
    }

    /** Literal runs and replacement fields among children [from, to) of an f-string or format spec. */
    private void fstringParts(ParserRuleContext ctx, int from, int to, boolean raw, JoinedParts parts) {
        int i = from;
        while (i < to) {
            ParseTree part = ctx.getChild(i);
            Replacement_fieldContext field = part.getChildCount() == 1 && part.getChild(0) instanceof Replacement_fieldContext r
                    ? r : null;
            if (field != null) {
                replacementField(field, raw, parts);
                i++;
                continue;
            }
            Token firstMiddle = middleToken(part);
            Token lastMiddle = firstMiddle;
            StringBuilder rawText = new StringBuilder(firstMiddle.getText());
            i++;
            while (i < to) {
                Token next = middleToken(ctx.getChild(i));
                if (next == null) {
                    break;
                }
                rawText.append(next.getText());
                lastMiddle = next;
                i++;
            }
            String decoded;
            try {
                decoded = StringLiterals.decodeString(rawText.toString(), raw, true);
            } catch (IllegalArgumentException bad) {
                throw error(firstMiddle, bad.getMessage());
            }
            parts.addText(decoded, null, firstMiddle, lastMiddle);
        }
    }

    private static Token middleToken(ParseTree part) {
        ParseTree leaf = part.getChild(0);
        if (leaf instanceof TerminalNodeImpl terminal && terminal.getSymbol().getType() == PythonLexer.FSTRING_MIDDLE) {
            return terminal.getSymbol();
        }
        return null;
    }

    private void replacementField(Replacement_fieldContext ctx, boolean raw, JoinedParts parts) {
        Expression value = rhs(ctx.rhs());
        int conversion = -1;
        if (ctx.EXCLAMATION() != null) {
            String letter = identifier(ctx.name());
            if (!letter.equals("s") && !letter.equals("r") && !letter.equals("a")) {
                throw error(ctx.name().start,
                        "f-string: invalid conversion character '" + letter + "': expected 's', 'r', or 'a'");
            }
            conversion = letter.charAt(0);
        }
        Token open = ctx.start;
        if (ctx.EQUAL() != null) {
            Token equal = ctx.EQUAL().getSymbol();
            Token after = nextSibling(ctx, equal);
            String debugText = withoutComments(
                    input.getText(Interval.of(open.getStopIndex() + 1, after.getStartIndex() - 1)));
            parts.addText(debugText, null, line(open), column(open) + 1, line(after), column(after));
            if (conversion == -1 && ctx.COLON() == null) {
                conversion = 'r';
            }
        }
        Expression formatSpec = null;
        TerminalNode colon = ctx.COLON();
        if (colon != null) {
            Token colonToken = colon.getSymbol();
            int from = indexOf(ctx, colonToken) + 1;
            int to = ctx.getChildCount() - 1;
            JoinedParts spec = new JoinedParts();
            fstringParts(ctx, from, to, raw, spec);
            Token specEnd = to > from ? ((ParserRuleContext) ctx.getChild(to - 1)).stop : colonToken;
            formatSpec = new JoinedStr(spec.finish(), line(colonToken), column(colonToken), endLine(specEnd),
                    endColumn(specEnd));
        }
        Token close = ctx.stop;
        parts.addValue(new FormattedValue(value, conversion, formatSpec, line(open), column(open), endLine(close),
                endColumn(close)));
    }

    /** CPython drops comments from the source text that `f"{x = }"` repeats. */
    private static String withoutComments(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int indexOf(ParserRuleContext ctx, Token token) {
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof TerminalNodeImpl terminal && terminal.getSymbol() == token) {
                return i;
            }
        }
        return -1;
    }

    private static Token nextSibling(ParserRuleContext ctx, Token token) {
        ParseTree next = ctx.getChild(indexOf(ctx, token) + 1);
        return next instanceof TerminalNodeImpl terminal ? terminal.getSymbol() : ((ParserRuleContext) next).start;
    }
}
