package dev.pitfall.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hand-built trees against the text CPython 3.13 prints for {@code ast.dump(..., include_attributes=True)}. */
class AstDumpTest {
    private static java.util.List<Statement> body(Statement... statements) {
        return java.util.List.of(statements);
    }

    private static Module module(Statement... statements) {
        return new Module(body(statements), java.util.List.of());
    }

    private static Name name(String id, ExprContext ctx, int line, int col, int endCol) {
        return new Name(id, ctx, line, col, line, endCol);
    }

    private static Constant constant(Object value, int line, int col, int endCol) {
        return new Constant(value, null, line, col, line, endCol);
    }

    @Test
    void assignment() {
        // x = 'a'
        Module tree = module(new Assign(java.util.List.of(name("x", ExprContext.Store, 1, 0, 1)),
                constant("a", 1, 4, 7), null, 1, 0, 1, 7));
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1)], value=Constant(value='a', lineno=1, col_offset=4, end_lineno=1, end_col_offset=7),"
                + " lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)])", AstDump.dump(tree));
    }

    @Test
    void importFromShowsLevelZeroAndOmitsAbsentModuleAndAsname() {
        // from . import a as b \n from x import y
        Module tree = module(
                new ImportFrom(null, java.util.List.of(new Alias("a", "b", 1, 14, 1, 20)), 1, 1, 0, 1, 20),
                new ImportFrom("x", java.util.List.of(new Alias("y", null, 2, 14, 2, 15)), 0, 2, 0, 2, 15));
        assertEquals("Module(body=[ImportFrom(names=[alias(name='a', asname='b', lineno=1, col_offset=14, end_lineno=1,"
                + " end_col_offset=20)], level=1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=20),"
                + " ImportFrom(module='x', names=[alias(name='y', lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)],"
                + " level=0, lineno=2, col_offset=0, end_lineno=2, end_col_offset=15)])", AstDump.dump(tree));
    }

    @Test
    void functionWithEveryParameterKindAndNoneInLists() {
        // def f(a, /, b=1, *, c, d=2, **k) -> int:\n    return {**a, 'k': None}
        Arguments arguments = new Arguments(
                java.util.List.of(new Arg("a", null, null, 1, 6, 1, 7)),
                java.util.List.of(new Arg("b", null, null, 1, 12, 1, 13)),
                null,
                java.util.List.of(new Arg("c", null, null, 1, 20, 1, 21), new Arg("d", null, null, 1, 23, 1, 24)),
                Arrays.asList(null, constant(BigInteger.TWO, 1, 25, 26)),
                new Arg("k", null, null, 1, 30, 1, 31),
                java.util.List.of(constant(BigInteger.ONE, 1, 14, 15)));
        Dict dict = new Dict(Arrays.asList(null, new Constant("k", null, 2, 17, 2, 20)),
                java.util.List.of(name("a", ExprContext.Load, 2, 14, 15), constant(PyConstant.NONE, 2, 22, 26)),
                2, 11, 2, 27);
        Module tree = module(new FunctionDef("f", arguments, body(new Return(dict, 2, 4, 2, 27)), java.util.List.of(),
                name("int", ExprContext.Load, 1, 36, 39), null, java.util.List.of(), 1, 0, 2, 27));
        assertEquals("Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=6,"
                + " end_lineno=1, end_col_offset=7)], args=[arg(arg='b', lineno=1, col_offset=12, end_lineno=1,"
                + " end_col_offset=13)], kwonlyargs=[arg(arg='c', lineno=1, col_offset=20, end_lineno=1, end_col_offset=21),"
                + " arg(arg='d', lineno=1, col_offset=23, end_lineno=1, end_col_offset=24)], kw_defaults=[None,"
                + " Constant(value=2, lineno=1, col_offset=25, end_lineno=1, end_col_offset=26)], kwarg=arg(arg='k', lineno=1,"
                + " col_offset=30, end_lineno=1, end_col_offset=31), defaults=[Constant(value=1, lineno=1, col_offset=14,"
                + " end_lineno=1, end_col_offset=15)]), body=[Return(value=Dict(keys=[None, Constant(value='k', lineno=2,"
                + " col_offset=17, end_lineno=2, end_col_offset=20)], values=[Name(id='a', ctx=Load(), lineno=2,"
                + " col_offset=14, end_lineno=2, end_col_offset=15), Constant(value=None, lineno=2, col_offset=22,"
                + " end_lineno=2, end_col_offset=26)], lineno=2, col_offset=11, end_lineno=2, end_col_offset=27), lineno=2,"
                + " col_offset=4, end_lineno=2, end_col_offset=27)], returns=Name(id='int', ctx=Load(), lineno=1,"
                + " col_offset=36, end_lineno=1, end_col_offset=39), lineno=1, col_offset=0, end_lineno=2,"
                + " end_col_offset=27)])", AstDump.dump(tree));
    }

    @Test
    void matchSingletonNoneIsShown() {
        // match p:\n    case None:\n        pass
        Module tree = module(new Match(name("p", ExprContext.Load, 1, 6, 7), java.util.List.of(new MatchCase(
                new MatchSingleton(PyConstant.NONE, 2, 9, 2, 13), null, body(new Pass(3, 8, 3, 12)))), 1, 0, 3, 12));
        assertEquals("Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1,"
                + " end_col_offset=7), cases=[match_case(pattern=MatchSingleton(value=None, lineno=2, col_offset=9,"
                + " end_lineno=2, end_col_offset=13), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)])],"
                + " lineno=1, col_offset=0, end_lineno=3, end_col_offset=12)])", AstDump.dump(tree));
    }

    @Test
    void callWithStarredAndKeywordWithoutName() {
        // f(x, *y, k=1, **z)
        Call call = new Call(name("f", ExprContext.Load, 1, 0, 1),
                java.util.List.of(name("x", ExprContext.Load, 1, 2, 3),
                        new Starred(name("y", ExprContext.Load, 1, 6, 7), ExprContext.Load, 1, 5, 1, 7)),
                java.util.List.of(new Keyword("k", constant(BigInteger.ONE, 1, 11, 12), 1, 9, 1, 12),
                        new Keyword(null, name("z", ExprContext.Load, 1, 16, 17), 1, 14, 1, 17)),
                1, 0, 1, 18);
        assertEquals("Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1), args=[Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3),"
                + " Starred(value=Name(id='y', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), ctx=Load(),"
                + " lineno=1, col_offset=5, end_lineno=1, end_col_offset=7)], keywords=[keyword(arg='k', value=Constant(value=1,"
                + " lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=9, end_lineno=1,"
                + " end_col_offset=12), keyword(value=Name(id='z', ctx=Load(), lineno=1, col_offset=16, end_lineno=1,"
                + " end_col_offset=17), lineno=1, col_offset=14, end_lineno=1, end_col_offset=17)], lineno=1, col_offset=0,"
                + " end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)])",
                AstDump.dump(module(new Expr(call, 1, 0, 1, 18))));
    }

    @Test
    void compareOperatorsPrintAsEmptyCalls() {
        // a < b <= c
        Compare compare = new Compare(name("a", ExprContext.Load, 1, 0, 1), java.util.List.of(CmpOpKind.Lt, CmpOpKind.LtE),
                java.util.List.of(name("b", ExprContext.Load, 1, 4, 5), name("c", ExprContext.Load, 1, 9, 10)), 1, 0, 1, 10);
        assertEquals("Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1), ops=[Lt(), LtE()], comparators=[Name(id='b', ctx=Load(), lineno=1, col_offset=4,"
                + " end_lineno=1, end_col_offset=5), Name(id='c', ctx=Load(), lineno=1, col_offset=9, end_lineno=1,"
                + " end_col_offset=10)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0,"
                + " end_lineno=1, end_col_offset=10)])", AstDump.dump(module(new Expr(compare, 1, 0, 1, 10))));
    }

    @Test
    void formattedValueShowsConversionMinusOne() {
        // f'{x!r:>{w}}'
        JoinedStr spec = new JoinedStr(java.util.List.of(constant(">", 1, 7, 8),
                new FormattedValue(name("w", ExprContext.Load, 1, 9, 10), -1, null, 1, 8, 1, 11)), 1, 6, 1, 11);
        JoinedStr fstring = new JoinedStr(java.util.List.of(
                new FormattedValue(name("x", ExprContext.Load, 1, 3, 4), 114, spec, 1, 2, 1, 12)), 1, 0, 1, 13);
        assertEquals("Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1,"
                + " col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant("
                + "value='>', lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), FormattedValue(value=Name(id='w',"
                + " ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=-1, lineno=1,"
                + " col_offset=8, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=6, end_lineno=1,"
                + " end_col_offset=11), lineno=1, col_offset=2, end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0,"
                + " end_lineno=1, end_col_offset=13), lineno=1, col_offset=0, end_lineno=1, end_col_offset=13)])",
                AstDump.dump(module(new Expr(fstring, 1, 0, 1, 13))));
    }

    @Test
    void constantsOfEveryKind() {
        // u'x'; b'\'"'; 1.5e-7; 2j; ...; True
        Module tree = module(
                new Expr(new Constant("x", "u", 1, 0, 1, 4), 1, 0, 1, 4),
                new Expr(constant(new PyConstant.Bytes(new byte[] {'\'', '"'}), 1, 6, 12), 1, 6, 1, 12),
                new Expr(constant(1.5e-7, 1, 14, 20), 1, 14, 1, 20),
                new Expr(constant(new PyConstant.Complex(2), 1, 22, 24), 1, 22, 1, 24),
                new Expr(constant(PyConstant.ELLIPSIS, 1, 26, 29), 1, 26, 1, 29),
                new Expr(constant(Boolean.TRUE, 1, 31, 35), 1, 31, 1, 35));
        assertEquals("Module(body=[Expr(value=Constant(value='x', kind='u', lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=4), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), Expr(value=Constant("
                + "value=b'\\'\"', lineno=1, col_offset=6, end_lineno=1, end_col_offset=12), lineno=1, col_offset=6,"
                + " end_lineno=1, end_col_offset=12), Expr(value=Constant(value=1.5e-07, lineno=1, col_offset=14,"
                + " end_lineno=1, end_col_offset=20), lineno=1, col_offset=14, end_lineno=1, end_col_offset=20),"
                + " Expr(value=Constant(value=2j, lineno=1, col_offset=22, end_lineno=1, end_col_offset=24), lineno=1,"
                + " col_offset=22, end_lineno=1, end_col_offset=24), Expr(value=Constant(value=Ellipsis, lineno=1,"
                + " col_offset=26, end_lineno=1, end_col_offset=29), lineno=1, col_offset=26, end_lineno=1,"
                + " end_col_offset=29), Expr(value=Constant(value=True, lineno=1, col_offset=31, end_lineno=1,"
                + " end_col_offset=35), lineno=1, col_offset=31, end_lineno=1, end_col_offset=35)])", AstDump.dump(tree));
    }

    @Test
    void bigIntegersAndBytesEscapes() {
        assertEquals("10000000000000000000000000000000000000000", AstDump.repr(BigInteger.TEN.pow(40)));
        assertEquals("b'\\x00\\t\\n\\r\\x7f\\x80\\xff\\\\ a'", AstDump.reprBytes(new byte[] {0, 9, 10, 13, 0x7f,
                (byte) 0x80, (byte) 0xff, '\\', ' ', 'a'}));
        assertEquals("b\"'\"", AstDump.reprBytes(new byte[] {'\''}));
        assertEquals("b''", AstDump.reprBytes(new byte[0]));
        assertEquals("infj", AstDump.reprImaginary(Double.POSITIVE_INFINITY));
        assertEquals("inf", AstDump.reprFloat(Double.POSITIVE_INFINITY));
    }

    @Test
    void floatReprsMatchCPython() throws IOException {
        int checked = 0;
        for (String line : resourceLines("float-reprs.txt")) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertEquals(parts[1], AstDump.reprFloat(value), parts[0]);
            assertEquals(parts[2], AstDump.reprImaginary(value), parts[0]);
            checked++;
        }
        assertTrue(checked > 5000, "expected the generated cases, found " + checked);
    }

    @Test
    void strReprsMatchCPython() throws IOException {
        int checked = 0;
        for (String line : resourceLines("str-reprs.txt")) {
            int tab = line.indexOf('\t');
            int[] codePoints = Arrays.stream(line.substring(0, tab).split(",")).mapToInt(hex -> Integer.parseInt(hex, 16))
                    .toArray();
            String expected = line.substring(tab + 1);
            assertEquals(expected, AstDump.reprStr(codePoints), line.substring(0, tab));
            assertEquals(expected, AstDump.repr(new PyConstant.SurrogateStr(codePoints)), line.substring(0, tab));
            String text = new String(codePoints, 0, codePoints.length);
            if (text.codePointCount(0, text.length()) == codePoints.length) {
                assertEquals(expected, AstDump.reprStr(text), line.substring(0, tab));
            }
            checked++;
        }
        assertTrue(checked > 400, "expected the generated cases, found " + checked);
    }

    @Test
    void deepTreesNeedNoDeepStack() throws InterruptedException {
        int depth = 200_000;
        Expression expression = name("x", ExprContext.Load, 1, depth, depth + 1);
        for (int i = depth - 1; i >= 0; i--) {
            expression = new UnaryOp(UnaryOpKind.USub, expression, 1, i, 1, depth + 1);
        }
        Module tree = module(new Expr(expression, 1, 0, 1, depth + 1));
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A small stack: recursion over 200,000 levels would overflow it long before the end.
        Thread thread = new Thread(null, () -> {
            try {
                result.set(AstDump.dump(tree));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "dump", 256 * 1024);
        thread.start();
        thread.join();
        assertEquals(null, failure.get());
        assertTrue(result.get().startsWith("Module(body=[Expr(value=UnaryOp(op=USub(), operand=UnaryOp(op=USub(),"));
        assertTrue(result.get().endsWith("end_col_offset=200001)])"));
    }

    private static java.util.List<String> resourceLines(String name) throws IOException {
        java.util.List<String> lines = new ArrayList<>();
        try (InputStream in = AstDumpTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
