package dev.pitfall.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitfall.source.SourceException;
import dev.pitfall.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tokens PythonLexerBase recognises by hand must be exactly the grammar's: the lexer over
 * {@link SourceCharStream} (the fast path) against the same lexer over ANTLR's own stream (the
 * grammar alone), token by token, positions and first error included.
 */
class LexerFastPathTest {
    private static final String[] EDGE_CASES = {
        "", "x", "x\n", "  \t\f x = 1 # c\n", "a\r\nb\rc\n", "if x:\n\tpass\n", "0 00 01 0x1 0b1 0o7 0_0 0. 0e1 0j 0if\n",
        "1 12 1_0 1. 1.5 1e5 1E+5 1j 1J 1if x else 2 1x 1_ 1__0 1.real\n", ".5 . .. ... .... a.b a...b\n",
        "'' \"\" 'a' \"b\" 'a\\'b' 'a\\\\' 'a\\\nb' 'a\n", "'''a'''' \"\"\"b\"\"\"\"\" '''a\nb''' '''a\\''''\n",
        "'''''' '''a'' b''' '''a\"\"\"b'''", "r'\\'' b'x' rb'x' bR'x' Br\"x\" u'x' U\"x\" ur'x' bu'x' f'x' rf'{x}'\n",
        "'abc", "'abc\\", "'''abc", "'''abc''", "'a\\\u0000b'", "'a\u0000'", "x\u0000", "# c\u0000d\n",
        "αβ xα x·y _x __init__ False None True and as assert async await break class continue def del elif\n",
        "else except finally for from global if import in is lambda nonlocal not or pass raise return try\n",
        "while with yield match case type _ iff Falsey is_ not_in\n",
        "a+=b-=c*=d/=e%=f&=g|=h^=i<<=j>>=k**=l//=m@=n->o:=p==q!=r<=s>=t<u>v<<w>>x**y//z@a~b^c|d&e%f!g$h?i`j\n",
        "(a[b]{c}),;:\n", "x = (1,\n  2)\n", "\\\nx", "x \\\n y\n", "x\\y\n", "'a'\\\n'b'\n", "\ud83d\ude00 = 1\n",
        "s = '\ud83d\ude00' + \"\"\"\ud83d\ude00\n\"\"\"\n", "f'{x}' f\"{'a'}\"\n", "x = 1\n\n\n",
    };

    @Test
    void edgeCasesLexAsTheGrammarDefines() {
        for (String source : EDGE_CASES) {
            assertSameTokens(grammarTokens(source), fastPathTokens(source), "source: " + source);
        }
    }

    @Test
    void theStandardLibraryLexesAsTheGrammarDefines() throws Exception {
        Path prefix = PythonLexerOracleTest.CPython.prefix();
        if (prefix == null) {
            System.err.println("*** SKIPPED LexerFastPathTest: CPython 3.13 not found (pyenv prefix 3.13.0) ***");
            Assumptions.abort("CPython 3.13 is not installed");
        }
        Path stdlib = prefix.resolve("lib/python3.13");
        List<Path> files = PythonLexerOracleTest.CPython.stdlibSources(stdlib);
        int compared = 0;
        for (Path file : files) {
            String text;
            try {
                text = SourceReader.read(file, file.toString()).text();
            } catch (SourceException undecodable) {
                continue;
            }
            assertSameTokens(grammarTokens(text), fastPathTokens(text), "file: " + file);
            compared++;
        }
        assertTrue(compared > 1500, "suspiciously few files compared: " + compared);
    }

    /** Fails at the first token that differs, not with two whole files of tokens. */
    private static void assertSameTokens(List<String> grammar, List<String> fastPath, String where) {
        int i = 0;
        while (i < grammar.size() && i < fastPath.size() && grammar.get(i).equals(fastPath.get(i))) {
            i++;
        }
        if (i < grammar.size() || i < fastPath.size()) {
            assertEquals(grammar.subList(i, Math.min(i + 3, grammar.size())),
                    fastPath.subList(i, Math.min(i + 3, fastPath.size())), where + ", token " + i);
        }
    }

    private static List<String> grammarTokens(String source) {
        return describe(new PythonLexer(CharStreams.fromString(source)));
    }

    private static List<String> fastPathTokens(String source) {
        return describe(new PythonLexer(new SourceCharStream(source, null)));
    }

    private static List<String> describe(PythonLexer lexer) {
        List<String> out = new ArrayList<>();
        for (Token token : LexerTokens.all(lexer)) {
            out.add(token.getType() + " " + token.getStartIndex() + ":" + token.getStopIndex() + " "
                    + token.getLine() + ":" + token.getCharPositionInLine() + " ch" + token.getChannel());
        }
        out.add("error: " + lexer.firstError());
        return out;
    }
}
