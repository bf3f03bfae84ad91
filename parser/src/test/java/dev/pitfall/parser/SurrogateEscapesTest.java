package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.ast.Assign;
import dev.pitfall.ast.AstDump;
import dev.pitfall.ast.Constant;
import dev.pitfall.ast.PyConstant;
import dev.pitfall.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Escaped surrogates are single code points in Python, also where a Java String would pair them;
 * expected dumps are CPython 3.13's {@code ast.dump(ast.parse(src), include_attributes=True)}.
 */
class SurrogateEscapesTest {
    private static dev.pitfall.ast.Module parse(String source) {
        ParseResult result = SourceParser.parse(SourceFile.ofText("t.py", source));
        assertTrue(result instanceof ParseResult.Success, result.toString());
        return ((ParseResult.Success) result).module();
    }

    @Test
    void anEscapedPairAcrossConcatenatedLiteralsStaysTwoCodePoints() {
        dev.pitfall.ast.Module module = parse("b = '\\ud834' '\\udd1e'\n");
        assertEquals("Module(body=[Assign(targets=[Name(id='b', ctx=Store(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1)], value=Constant(value='\\ud834\\udd1e', lineno=1, col_offset=4, end_lineno=1,"
                + " end_col_offset=21), lineno=1, col_offset=0, end_lineno=1, end_col_offset=21)])", AstDump.dump(module));
        Object value = ((Constant) ((Assign) module.body().get(0)).value()).value();
        assertEquals(new PyConstant.SurrogateStr(new int[] {0xD834, 0xDD1E}), value);
    }

    @Test
    void fStringPartsKeepEscapedSurrogatesSingle() {
        assertEquals("Module(body=[Assign(targets=[Name(id='c', ctx=Store(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1)], value=JoinedStr(values=[Constant(value='x\\ud834', lineno=1, col_offset=6,"
                + " end_lineno=1, end_col_offset=13), FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=14,"
                + " end_lineno=1, end_col_offset=15), conversion=-1, lineno=1, col_offset=13, end_lineno=1,"
                + " end_col_offset=16), Constant(value='\\udd1e\\ud800\\udc00y', lineno=1, col_offset=16, end_lineno=1,"
                + " end_col_offset=39)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=39), lineno=1, col_offset=0,"
                + " end_lineno=1, end_col_offset=39)])",
                AstDump.dump(parse("c = f'x\\ud834{a}\\udd1e\\ud800\\udc00' 'y'\n")));
    }

    @Test
    void realCharactersNextToEscapedPairsStayCharacters() {
        assertEquals("Module(body=[Assign(targets=[Name(id='d', ctx=Store(), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=1)], value=Constant(value='\ud83d\ude00\\ud83d\\ude00\ud83d\ude00', lineno=1,"
                + " col_offset=4, end_lineno=1, end_col_offset=32), lineno=1, col_offset=0, end_lineno=1,"
                + " end_col_offset=32)])", AstDump.dump(parse("d = '\ud83d\ude00\\ud83d\\ude00\\U0001F600'\n")));
    }

    @Test
    void aLoneEscapedSurrogateIsAPlainString() {
        dev.pitfall.ast.Module module = parse("e = '\\ud800'\n");
        assertEquals("\ud800", ((Constant) ((Assign) module.body().get(0)).value()).value());
    }
}
