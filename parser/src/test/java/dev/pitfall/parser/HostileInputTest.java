package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.pitfall.ast.Expr;
import dev.pitfall.ast.UnaryOp;
import dev.pitfall.ast.UnaryOpKind;
import dev.pitfall.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Deeply nested or huge input ends in a parse or a SyntaxError value, never a thrown error. */
class HostileInputTest {
    private static ParseResult parse(String text) {
        return SourceParser.parse(SourceFile.ofText("hostile.py", text));
    }

    @Test
    void hundredThousandNotsParseIntoNestedUnaryOps() {
        ParseResult result = parse("not ".repeat(100_000) + "x\n");
        ParseResult.Success success = assertInstanceOf(ParseResult.Success.class, result);
        UnaryOp outer = (UnaryOp) ((Expr) success.module().body().get(0)).value();
        assertEquals(UnaryOpKind.Not, outer.op());
        assertEquals(UnaryOpKind.Not, ((UnaryOp) outer.operand()).op());
    }

    @Test
    void hundredThousandUnaryMinusesNeedTheDeepStackButParse() {
        ParseResult result = parse("-".repeat(100_000) + "x\n");
        assertInstanceOf(ParseResult.Success.class, result);
    }

    @Test
    void hundredThousandBracketsAreTooDeeplyNested() {
        ParseResult result = parse("(".repeat(100_000) + ")".repeat(100_000) + "\n");
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, result);
        assertEquals("too many nested parentheses", failure.error().message());
    }

    @Test
    void fiveThousandIndentationLevelsAreAnError() {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < 5000; level++) {
            text.append(" ".repeat(level)).append("if x:\n");
        }
        text.append(" ".repeat(5000)).append("pass\n");
        assertInstanceOf(ParseResult.Failure.class, parse(text.toString()));
    }

    @Test
    void longOperatorAndTrailerChainsParse() {
        assertInstanceOf(ParseResult.Success.class, parse("x = 1" + " + 1".repeat(50_000) + "\n"));
        assertInstanceOf(ParseResult.Success.class, parse("x" + ".a".repeat(50_000) + "\n"));
        assertInstanceOf(ParseResult.Success.class, parse("x" + "()".repeat(50_000) + "\n"));
    }
}
