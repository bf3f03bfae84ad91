package dev.pitfall.parser;

import static dev.pitfall.parser.LexerTokens.kinds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token streams written from the Language Reference's "Lexical analysis" chapter, with the
 * expected streams and error messages/positions checked against CPython 3.13's tokenizer.
 */
class PythonLexerTest {

    private static SyntaxError errorOf(String source) {
        PythonLexer lexer = LexerTokens.lexer(source);
        LexerTokens.all(lexer);
        return lexer.firstError();
    }

    private static void assertValid(String source) {
        assertNull(errorOf(source), () -> "unexpected error for " + source);
    }

    private static List<Token> allTokens(String source) {
        return LexerTokens.all(LexerTokens.lexer(source));
    }

    // ---- Logical lines, indentation, implicit and explicit joining ----

    @Test
    void simpleStatementEndsWithNewline() {
        assertEquals("NAME EQUAL NUMBER NEWLINE", kinds("x = 1\n"));
    }

    @Test
    void finalNewlineIsSyntheticWithEmptyTextWhenTheFileLacksOne() {
        List<Token> tokens = allTokens("x = 1");
        Token newline = tokens.get(tokens.size() - 2);
        assertEquals(PythonLexer.NEWLINE, newline.getType());
        assertEquals("", newline.getText());
        assertEquals(Token.EOF, tokens.get(tokens.size() - 1).getType());
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoTokens() {
        assertEquals("", kinds(""));
        assertEquals("", kinds("\n\n"));
        assertEquals("", kinds("# just a comment"));
        assertEquals("", kinds("   \n\t# indented comment\n"));
    }

    @Test
    void blocksIndentAndDedent() {
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE IF NAME COLON NEWLINE INDENT NAME NEWLINE "
                        + "DEDENT DEDENT NAME NEWLINE",
                kinds("if a:\n    b\n    if c:\n        d\ne\n"));
    }

    @Test
    void pendingDedentsAreEmittedAtEndOfInput() {
        assertEquals("DEF NAME LPAR RPAR COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT PASS NEWLINE DEDENT DEDENT",
                kinds("def f():\n  if x:\n    pass"));
    }

    @Test
    void blankAndCommentLinesDoNotAffectIndentation() {
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT",
                kinds("if a:\n\n    b\n# comment at column 0\n  \n        # deep comment\n    c\n"));
    }

    @Test
    void newlinesInsideBracketsAreHidden() {
        assertEquals("NAME EQUAL LPAR NUMBER COMMA LSQB NUMBER COMMA LBRACE NUMBER RBRACE RSQB RPAR NEWLINE",
                kinds("x = (1,\n  [2,\n{3\n}])\n"));
    }

    @Test
    void layoutTokensAreDroppedFromTheStream() {
        List<String> rendered = allTokens("x = 1  # noqa\ny = \\\n  2\n\n").stream()
                .map(t -> t.getType() == Token.EOF ? "EOF" : LexerTokens.name(t.getType()) + ":" + LexerTokens.escape(t.getText()))
                .collect(Collectors.toList());
        assertEquals(List.of("NAME:x", "EQUAL:=", "NUMBER:1", "NEWLINE:\\n", "NAME:y", "EQUAL:=", "NUMBER:2",
                "NEWLINE:\\n", "EOF"), rendered);
    }

    @Test
    void explicitLineJoiningContinuesTheLogicalLine() {
        assertEquals("IF NAME AND NAME COLON NEWLINE INDENT PASS NEWLINE DEDENT",
                kinds("if a and \\\n        b:\n    pass\n"));
    }

    @Test
    void continuationsInLeadingWhitespaceCountAsIndentation() {
        // CPython: the column of the first backslash counts, unless it is 0.
        assertEquals("CLASS NAME COLON NEWLINE INDENT DEF NAME LPAR RPAR COLON PASS NEWLINE DEF NAME LPAR RPAR COLON "
                + "PASS NEWLINE DEDENT", kinds("class A:\n    def f(): pass\n\\\n    def g(): pass\n"));
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT", kinds("if x:\n  \\\n      a\n"));
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT",
                kinds("if x:\n    a\n    \\\n  b\n"));
    }

    @Test
    void tabsAdvanceToTheNextMultipleOfEight() {
        // A tab and eight spaces are the same column, but only a consistent mix is accepted.
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT",
                kinds("if a:\n\tb\n\tc\n"));
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT",
                kinds("if a:\n  \tb\n  \tc\n"));
    }

    @Test
    void formFeedResetsTheIndentationColumn() {
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT",
                kinds("if a:\n    b\n  \f    c\n"));
    }

    @Test
    void crlfAndCrLineEndsAreNewlines() {
        assertEquals("IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE",
                kinds("if a:\r\n    b\r\nc\r\n"));
        assertEquals("NAME NEWLINE NAME NEWLINE", kinds("a\rb\r"));
    }

    @Test
    void firstLineIndentIsLeftToTheParser() {
        assertEquals("INDENT NAME NEWLINE DEDENT", kinds("  x\n"));
        assertValid("  x\n");
    }

    // ---- Identifiers and keywords ----

    @Test
    void keywordsAndSoftKeywordsHaveTheirOwnTokens() {
        assertEquals("FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL ELIF ELSE EXCEPT "
                        + "FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL NOT OR PASS RAISE RETURN TRY "
                        + "WHILE WITH YIELD MATCH CASE TYPE UNDERSCORE NEWLINE",
                kinds("False None True and as assert async await break class continue def del elif else except "
                        + "finally for from global if import in is lambda nonlocal not or pass raise return try "
                        + "while with yield match case type _\n"));
    }

    @Test
    void wordsThatStartWithKeywordsAreNames() {
        assertEquals("NAME NAME NAME NAME NAME NAME NEWLINE", kinds("iffy matches _x __init__ Truex types\n"));
    }

    @Test
    void unicodeIdentifiersAreNames() {
        assertEquals("NAME NAME NAME NAME NAME NEWLINE", kinds("αβγ 変数 ℘x x·y 𝔘nicode\n"));
    }

    // Non-ASCII characters in names are checked against tables made from CPython 3.13's Unicode
    // 15.1 data (see PythonLexer.g4): XID_Start or '_' first, then XID_Continue. Expected tokens
    // from CPython's tokenize module, errors from compile(); sources and texts use \\u escapes.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        x\\u00b7y                  | NAME(x\\u00b7y)
        \\u00aa\\u00ba           | NAME(\\u00aa\\u00ba)
        \\u4e2d\\u6587 = 1       | NAME(\\u4e2d\\u6587) EQUAL(=) NUMBER(1)
        x\\u0301                   | NAME(x\\u0301)
        _\\u0301                   | NAME(_\\u0301)
        if\\u00e9                  | NAME(if\\u00e9)
        \\u00e9if                  | NAME(\\u00e9if)
        \\u2118                    | NAME(\\u2118)
        \\u212e                    | NAME(\\u212e)
        \\u1885x                   | NAME(\\u1885x)
        a\\u0661                   | NAME(a\\u0661)
        r\\u00e9'x'                | NAME(r\\u00e9) STRING('x')
        a\\u200cb                  | NAME(a\\u200cb)
        a\\u30fbb                  | NAME(a\\u30fbb)
        x\\uff65                   | NAME(x\\uff65)
        \\ud87a\\udff0x          | NAME(\\ud87a\\udff0x)
        x\\ud87b\\ude5d          | NAME(x\\ud87b\\ude5d)
        """)
    void nonAsciiNamesFollowCPythonsUnicodeData(String escapedSource, String escapedTokens) {
        String source = unescape(escapedSource) + "\n";
        String tokens = allTokens(source).stream()
                .filter(token -> token.getType() != Token.EOF && token.getType() != PythonLexer.NEWLINE)
                .map(token -> LexerTokens.name(token.getType()) + "(" + token.getText() + ")")
                .collect(Collectors.joining(" "));
        assertEquals(unescape(escapedTokens), tokens, escapedSource);
        assertNull(errorOf(source), escapedSource);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a\\u20acb                  | 1 | invalid character '\\u20ac' (U+20AC)
        \\u20ac                    | 0 | invalid character '\\u20ac' (U+20AC)
        \\u00b7                    | 0 | invalid character '\\u00b7' (U+00B7)
        \\u0301x                   | 0 | invalid character '\\u0301' (U+0301)
        \\u0661x                   | 0 | invalid character '\\u0661' (U+0661)
        \\uff65x                   | 0 | invalid character '\\uff65' (U+FF65)
        \\u037a                    | 0 | invalid character '\\u037a' (U+037A)
        x\\u2e2fy                  | 1 | invalid character '\\u2e2f' (U+2E2F)
        a\\ud83d\\ude00          | 1 | invalid character '\\ud83d\\ude00' (U+1F600)
        x\\u200b                   | 1 | invalid non-printable character U+200B
        """)
    void nonIdentifierCharacterEndsTheNameWithCPythonsError(String escapedSource, int offset, String message) {
        String source = unescape(escapedSource) + "\n";
        List<Token> tokens = allTokens(source);
        assertEquals(offset == 0 ? "EOF" : "NAME EOF",
                tokens.stream().map(token -> token.getType() == Token.EOF ? "EOF" : LexerTokens.name(token.getType()))
                        .collect(Collectors.joining(" ")), escapedSource);
        assertEquals(new SyntaxError(1, offset + 1, unescape(message)), errorOf(source), escapedSource);
    }

    // ---- Operators ----

    @Test
    void everyOperatorIsOneTokenNamedAsInCPython() {
        String[] operators = {"(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">",
            "=", ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=", "/=", "%=", "&=",
            "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->", "...", ":=", "!"};
        String[] names = {"LPAR", "RPAR", "LSQB", "RSQB", "LBRACE", "RBRACE", "COLON", "COMMA", "SEMI", "PLUS",
            "MINUS", "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "EQEQUAL",
            "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT", "DOUBLESTAR",
            "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL", "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL",
            "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
            "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL", "EXCLAMATION"};
        List<Token> tokens = allTokens(String.join(" ", operators));
        for (int i = 0; i < operators.length; i++) {
            Token token = tokens.get(i);
            assertEquals(names[i], LexerTokens.name(token.getType()), operators[i]);
            assertEquals(operators[i], token.getText());
        }
    }

    @Test
    void adjacentOperatorsSplitByLongestMatch() {
        assertEquals("NAME DOUBLESTAREQUAL NAME RARROW ELLIPSIS DOT NEWLINE", kinds("a**=b->....\n"));
    }

    // ---- Numbers ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "0_0", "7", "2147483647", "100_000_000", "0b1010", "0B_1", "0o777", "0O_17",
        "0xdead_BEEF", "0X_f", "3.14", "10.", ".001", "1e100", "3.14e-10", "0e0", "3.14_15_93", "1_0.0_1e+1_0",
        "09.5", "0_9.5", "012e3", "3j", "10.j", "10j", "0j", ".001J", "1e100j", "3.14e-10j", "3.14_15_93j", "09j"})
    void numbersAreOneToken(String number) {
        List<Token> tokens = allTokens(number);
        assertEquals(PythonLexer.NUMBER, tokens.get(0).getType(), number);
        assertEquals(number, tokens.get(0).getText());
        assertEquals(PythonLexer.NEWLINE, tokens.get(1).getType(), number);
    }

    @Test
    void keywordsMayDirectlyFollowANumber() {
        assertEquals("NUMBER IF NAME ELSE NUMBER NEWLINE", kinds("1if x else 2\n"));
        assertEquals("LSQB NUMBER OR NAME IN NAME RSQB NEWLINE", kinds("[0x1for x in y]\n"));
    }

    @Test
    void attributeOfAnIntegerNeedsASpaceOrParentheses() {
        assertEquals("NUMBER DOT NAME NEWLINE", kinds("1 .real\n"));
        assertEquals("NUMBER NAME NEWLINE", kinds("1.5.real\n").replace("DOT ", ""));
    }

    // ---- Strings ----

    @ParameterizedTest
    @ValueSource(strings = {"''", "\"\"", "'a'", "\"a\"", "'''a'''", "\"\"\"a\"\"\"", "r'a'", "u'a'", "R'a'", "U'a'",
        "b'a'", "B'a'", "br'a'", "rb'a'", "Br'a'", "bR'a'", "rB'a'", "RB'a'", "Rb'a'", "BR'a'", "rb\"\"\"x\"\"\"",
        "'it\\'s'", "r'\\''", "r'\\\\'", "'a\\\nb'", "'''one\ntwo'''", "'''a''b'c'''", "\"\"\"\"\"\" \"\"\"x\"\"\"",
        "'\\N{BULLET}'", "b'\\x00'", "''''''"})
    void stringLiteralsKeepTheirRawText(String literal) {
        List<Token> tokens = allTokens(literal + "\n");
        assertEquals(PythonLexer.STRING, tokens.get(0).getType(), literal);
        if (!literal.contains(" ")) {
            assertEquals(literal, tokens.get(0).getText());
            assertEquals(PythonLexer.NEWLINE, tokens.get(1).getType(), literal);
        }
    }

    @Test
    void adjacentStringsAreSeparateTokens() {
        assertEquals("STRING STRING STRING NEWLINE", kinds("'a' \"b\" '''c'''\n"));
        assertEquals("STRING STRING NEWLINE", kinds("'''a''''b'\n"));
    }

    @Test
    void prefixesThatAreNotStringPrefixesAreNames() {
        assertEquals("NAME STRING NEWLINE", kinds("ur'x'\n"));
        assertEquals("NAME STRING NEWLINE", kinds("bu'x'\n"));
    }

    // ---- f-strings (PEP 701, as CPython 3.12+ tokenizes them) ----

    @Test
    void fstringWithConversionAndNestedFormatSpec() {
        assertEquals("FSTRING_START FSTRING_MIDDLE(a) LBRACE NAME EXCLAMATION NAME COLON FSTRING_MIDDLE(>) "
                        + "LBRACE NAME RBRACE RBRACE FSTRING_MIDDLE(b) FSTRING_END NEWLINE",
                kinds("f\"a{x!r:>{w}}b\"\n"));
    }

    @Test
    void fstringPrefixesAndQuotes() {
        for (String start : new String[] {"f'", "F\"", "fr'", "Fr\"", "rf'", "rF\"", "Rf'", "FR\"", "f'''", "RF\"\"\""}) {
            String quote = start.replaceAll("[a-zA-Z]", "");
            List<Token> tokens = allTokens(start + "x" + quote + "\n");
            assertEquals(PythonLexer.FSTRING_START, tokens.get(0).getType(), start);
            assertEquals(start, tokens.get(0).getText());
            assertEquals(PythonLexer.FSTRING_MIDDLE, tokens.get(1).getType(), start);
            assertEquals(PythonLexer.FSTRING_END, tokens.get(2).getType(), start);
            assertEquals(quote, tokens.get(2).getText());
        }
    }

    @Test
    void emptyFstrings() {
        assertEquals("FSTRING_START FSTRING_END NEWLINE", kinds("f''\n"));
        assertEquals("FSTRING_START FSTRING_END NEWLINE", kinds("f''''''\n"));
    }

    @Test
    void doubledBracesAreLiteralText() {
        assertEquals("FSTRING_START FSTRING_MIDDLE(a) FSTRING_MIDDLE({{) FSTRING_MIDDLE(b) FSTRING_MIDDLE(}}) "
                + "FSTRING_END NEWLINE", kinds("f'a{{b}}'\n"));
        assertEquals(List.of("FSTRING_START f'", "FSTRING_MIDDLE a{b}", "FSTRING_END '", "NEWLINE "),
                LexerTokens.oracleForm("f'a{{b}}'\n"));
    }

    @Test
    void nestedFstringsMayReuseTheSameQuote() {
        assertEquals("FSTRING_START LBRACE FSTRING_START LBRACE NAME RBRACE FSTRING_END RBRACE FSTRING_END NEWLINE",
                kinds("f\"{f\"{x}\"}\"\n"));
        assertEquals("FSTRING_START LBRACE STRING RBRACE FSTRING_END NEWLINE", kinds("f'{'a'}'\n"));
    }

    @Test
    void debugSpecifierIsAnEqualToken() {
        assertEquals("FSTRING_START LBRACE NAME EQUAL RBRACE FSTRING_END NEWLINE", kinds("f\"{x = }\"\n"));
        assertEquals("FSTRING_START LBRACE NAME EQUAL EXCLAMATION NAME COLON FSTRING_MIDDLE(>10) RBRACE FSTRING_END NEWLINE",
                kinds("f'{x=!r:>10}'\n"));
    }

    @Test
    void conversionsAndNotEqualInsideFields() {
        for (String conversion : new String[] {"r", "s", "a"}) {
            assertEquals("FSTRING_START LBRACE NAME EXCLAMATION NAME RBRACE FSTRING_END NEWLINE",
                    kinds("f'{x!" + conversion + "}'\n"));
        }
        assertEquals("FSTRING_START LBRACE NAME NOTEQUAL NAME RBRACE FSTRING_END NEWLINE", kinds("f'{a!=b}'\n"));
    }

    @Test
    void colonStartsAFormatSpecOnlyAtTheFieldsOwnDepth() {
        assertEquals("FSTRING_START LBRACE NAME LSQB NUMBER COLON NUMBER RSQB RBRACE FSTRING_END NEWLINE",
                kinds("f'{x[1:2]}'\n"));
        assertEquals("FSTRING_START LBRACE LPAR LAMBDA COLON NUMBER RPAR LPAR RPAR RBRACE FSTRING_END NEWLINE",
                kinds("f'{(lambda: 1)()}'\n"));
        assertEquals("FSTRING_START LBRACE LPAR NAME COLONEQUAL NAME RPAR RBRACE FSTRING_END NEWLINE",
                kinds("f'{(a:=b)}'\n"));
        assertEquals("FSTRING_START LBRACE LBRACE NAME COLON NAME RBRACE RBRACE FSTRING_END NEWLINE",
                kinds("f'{ {a: b} }'\n"));
    }

    @Test
    void walrusAtTheTopLevelOfAFieldIsAFormatSpec() {
        assertEquals("FSTRING_START LBRACE NAME COLON FSTRING_MIDDLE(=b) RBRACE FSTRING_END NEWLINE",
                kinds("f'{a:=b}'\n"));
    }

    @Test
    void formatSpecsNestAndMayBeEmpty() {
        assertEquals("FSTRING_START LBRACE NAME COLON LBRACE NAME COLON LBRACE NAME RBRACE RBRACE RBRACE "
                + "FSTRING_END NEWLINE", kinds("f'{x:{y:{z}}}'\n"));
        assertEquals("FSTRING_START LBRACE NAME COLON RBRACE FSTRING_END NEWLINE", kinds("f'{x:}'\n"));
        assertEquals("FSTRING_START LBRACE NAME COLON FSTRING_MIDDLE(%H:%M) RBRACE FSTRING_END NEWLINE",
                kinds("f'{t:%H:%M}'\n"));
    }

    @Test
    void replacementFieldsMaySpanLinesAndHoldComments() {
        assertEquals("FSTRING_START LBRACE NAME PLUS NAME RBRACE FSTRING_END NEWLINE",
                kinds("f'{a +\n  b}'\n"));
        assertEquals("FSTRING_START LBRACE NAME RBRACE FSTRING_END NEWLINE", kinds("f\"\"\"{x # comment\n}\"\"\"\n"));
        assertEquals("FSTRING_START LBRACE NAME RBRACE FSTRING_END NEWLINE", kinds("f\"{x # comment\n}\"\n"));
    }

    @Test
    void tripleQuotedFstringsKeepNewlinesAndLoneQuotes() {
        assertEquals("FSTRING_START FSTRING_MIDDLE(a\nb) FSTRING_MIDDLE(\") FSTRING_MIDDLE(c) LBRACE NAME RBRACE "
                + "FSTRING_MIDDLE(\"\") FSTRING_MIDDLE(x) FSTRING_END NEWLINE", kinds("f\"\"\"a\nb\"c{x}\"\"x\"\"\"\n"));
        // The first unescaped run of three quotes closes it; the two quotes after are an empty string.
        assertEquals("FSTRING_START LBRACE NAME RBRACE FSTRING_END STRING NEWLINE", kinds("f\"\"\"{x}\"\"\"\"\"\n"));
    }

    @Test
    void backslashesInFstrings() {
        assertEquals("FSTRING_START FSTRING_MIDDLE(\\N{BULLET}) LBRACE NAME RBRACE FSTRING_END NEWLINE",
                kinds("f'\\N{BULLET}{x}'\n"));
        assertEquals("FSTRING_START FSTRING_MIDDLE(\\N) LBRACE NAME RBRACE FSTRING_END NEWLINE",
                kinds("rf'\\N{x}'\n"));
        assertEquals("FSTRING_START FSTRING_MIDDLE(\\) LBRACE NAME RBRACE FSTRING_END NEWLINE",
                kinds("f'\\{x}'\n"));
        assertEquals("FSTRING_START FSTRING_MIDDLE(it\\'s\\n) FSTRING_END NEWLINE", kinds("f'it\\'s\\n'\n"));
        assertEquals("FSTRING_START LBRACE STRING DOT NAME LPAR NAME RPAR RBRACE FSTRING_END NEWLINE",
                kinds("f'{\"\\n\".join(x)}'\n"));
        assertEquals("FSTRING_START FSTRING_MIDDLE(\\') FSTRING_END NEWLINE", kinds("rf'\\''\n"));
    }

    @Test
    void newlineInAFormatSpecOfATripleQuotedFstringIsText() {
        assertEquals("FSTRING_START LBRACE NAME COLON FSTRING_MIDDLE(a) FSTRING_MIDDLE(\n) FSTRING_MIDDLE(b) RBRACE "
                + "FSTRING_END NEWLINE", kinds("f'''{x:a\nb}'''\n"));
    }

    @Test
    void fstringInsideBracketsAndStatements() {
        assertEquals("NAME LPAR FSTRING_START FSTRING_MIDDLE(x=) LBRACE NAME RBRACE FSTRING_END COMMA NAME RPAR NEWLINE",
                kinds("print(f'x={x}',\n  y)\n"));
    }

    // ---- Errors, with CPython 3.13's messages and positions ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        x = 'abc\\n                | 1 | 5   | unterminated string literal (detected at line 1)
        x = "abc\\\\\\ndef\\n      | 1 | 5   | unterminated string literal (detected at line 2)
        x = '''abc\\n\\n           | 1 | 5   | unterminated triple-quoted string literal (detected at line 2)
        x = b\"""abc                | 1 | 5   | unterminated triple-quoted string literal (detected at line 1)
        x = f"abc\\n               | 1 | 5   | unterminated f-string literal (detected at line 1)
        x = f'''abc\\n\\n          | 1 | 5   | unterminated triple-quoted f-string literal (detected at line 2)
        x = f"{a\\n                | 1 | 7   | '{' was never closed
        if x:\\n    a\\n  b\\n     | 3 | 4   | unindent does not match any outer indentation level
        if x:\\n  a\\n\\f b\\n     | 3 | 4   | unindent does not match any outer indentation level
        if x:\\n    a\\n  €\\n     | 3 | 4   | unindent does not match any outer indentation level
        if x:\\n    a\\n  "abc\\n  | 3 | 7   | unindent does not match any outer indentation level
        x = 1\\n    \\\\\\n        | 2 | 6   | unexpected EOF while parsing
        if x:\\n\\ta\\n        b\\n | 3 | 1   | inconsistent use of tabs and spaces in indentation
        if x:\\n        a\\n\\tb\\n | 3 | 1   | inconsistent use of tabs and spaces in indentation
        x = €\\n                   | 1 | 5   | invalid character '€' (U+20AC)
        a€ = 1\\n                  | 1 | 2   | invalid character '€' (U+20AC)
        x = \\u00a0\\n             | 1 | 5   | invalid non-printable character U+00A0
        x = \\u0001\\n             | 1 | 5   | invalid non-printable character U+0001
        x = $\\n                   | 1 | 5   | invalid syntax
        x = a?\\n                  | 1 | 6   | invalid syntax
        1abc\\n                    | 1 | 1   | invalid decimal literal
        1_\\n                      | 1 | 2   | invalid decimal literal
        1__0\\n                    | 1 | 2   | invalid decimal literal
        0123\\n                    | 1 | 1   | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
        0_1\\n                     | 1 | 1   | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
        0x\\n                      | 1 | 2   | invalid hexadecimal literal
        0xg\\n                     | 1 | 2   | invalid hexadecimal literal
        0x_\\n                     | 1 | 3   | invalid hexadecimal literal
        0b\\n                      | 1 | 2   | invalid binary literal
        0o\\n                      | 1 | 2   | invalid octal literal
        0b12\\n                    | 1 | 4   | invalid digit '2' in binary literal
        0o78\\n                    | 1 | 4   | invalid digit '8' in octal literal
        1e\\n                      | 1 | 1   | invalid decimal literal
        1jx\\n                     | 1 | 2   | invalid imaginary literal
        1.__class__\\n             | 1 | 2   | invalid decimal literal
        1e5x\\n                    | 1 | 3   | invalid decimal literal
        x = (1\\n                  | 1 | 5   | '(' was never closed
        x = (1, [2,\\n             | 1 | 9   | '[' was never closed
        x = 1)\\n                  | 1 | 6   | unmatched ')'
        x = (1]\\n                 | 1 | 7   | closing parenthesis ']' does not match opening parenthesis '('
        x = (1,\\n2]\\n            | 2 | 2   | closing parenthesis ']' does not match opening parenthesis '(' on line 1
        x = \\\\ y\\n              | 1 | 6   | unexpected character after line continuation character
        if x:\\n    a\\n \\\\  b\\n   | 3 | 3   | unexpected character after line continuation character
        x = 1 \\\\                 | 1 | 8   | unexpected EOF while parsing
        x = 1 \\\\\\n              | 1 | 8   | unexpected EOF while parsing
        f"{x}}"\\n                 | 1 | 6   | f-string: single '}' is not allowed
        f"}"\\n                    | 1 | 3   | f-string: single '}' is not allowed
        f"{"\\n                    | 1 | 4   | f-string: expecting '}'
        f"{x"\\n                   | 1 | 5   | f-string: expecting '}'
        f"{x)}"\\n                 | 1 | 5   | f-string: unmatched ')'
        f"{x:abc"\\n               | 1 | 9   | f-string: expecting '}', or format specs
        f'{x:a\\nb}'\\n            | 2 | 1   | f-string: expecting '}', or format specs
        f\"""{x:a\\nb\"""\\n        | 1 | 5   | '{' was never closed
        x = 1\\u0000\\n            | 1 | 6   | source code cannot contain null bytes
        """)
    void lexicalErrorsUseCPythonsMessages(String escapedSource, int line, int column, String message) {
        String source = unescape(escapedSource);
        assertEquals(new SyntaxError(line, column, message), errorOf(source), source);
    }

    /** Test sources are written with \n, \t, \f, \\ and \\uXXXX escapes. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    @Test
    void tooManyNestedParentheses() {
        String source = "x = " + "(".repeat(201) + ")".repeat(201) + "\n";
        assertEquals(new SyntaxError(1, 205, "too many nested parentheses"), errorOf(source));
        assertValid("x = " + "(".repeat(200) + ")".repeat(200) + "\n");
    }

    @Test
    void tooManyLevelsOfIndentation() {
        StringBuilder source = new StringBuilder();
        for (int level = 0; level <= 100; level++) {
            source.append(" ".repeat(level)).append("if x:\n");
        }
        source.append(" ".repeat(101)).append("pass\n");
        assertEquals(new SyntaxError(101, 1, "too many levels of indentation"), errorOf(source.toString()));
    }

    @Test
    void fstringNestingLimits() {
        assertValid("f'{x:{y:{z}}}'\n");
        assertEquals(new SyntaxError(1, 11, "f-string: expressions nested too deeply"), errorOf("f'{x:{y:{z:{w}}}}'\n"));
        assertValid("f\"{".repeat(148) + "x" + "}\"".repeat(148) + "\n");
        assertEquals(new SyntaxError(1, 449, "too many nested f-strings"), errorOf("f\"{".repeat(160)));
    }

    @Test
    void afterAnErrorTheStreamEndsWithEof() {
        PythonLexer lexer = LexerTokens.lexer("x = 1)\ny = 2\n");
        List<Token> tokens = LexerTokens.all(lexer);
        assertEquals("NAME EQUAL NUMBER EOF", tokens.stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL)
                .map(t -> t.getType() == Token.EOF ? "EOF" : LexerTokens.name(t.getType()))
                .collect(Collectors.joining(" ")));
        assertEquals(Token.EOF, lexer.nextToken().getType());
        assertNotNull(lexer.firstError());
    }

    // ---- Hostile input: always terminates, never throws ----

    @Test
    @Timeout(30)
    void twentyMegabyteSingleLine() {
        String line = "x = [" + "1, ".repeat(7_000_000) + "]";
        PythonLexer lexer = LexerTokens.lexer(line);
        long defaultChannelTokens = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                defaultChannelTokens++;
            }
        }
        assertNull(lexer.firstError());
        // x = [ ... ] NEWLINE around 7,000,000 numbers and commas
        assertEquals(14_000_005, defaultChannelTokens);
        String literal = "'" + "a".repeat(20_000_000);
        assertEquals("unterminated string literal (detected at line 1)", errorOf(literal).message());
    }

    @Test
    @Timeout(30)
    void hundredThousandNestedBrackets() {
        assertEquals("too many nested parentheses", errorOf("(".repeat(100_000) + ")".repeat(100_000)).message());
        assertEquals("too many nested f-strings", errorOf("f'{".repeat(100_000)).message());
        assertEquals("too many nested parentheses", errorOf("f'{(".repeat(100_000)).message());
    }

    @Test
    @Timeout(30)
    void fiveThousandIndentationLevels() {
        StringBuilder source = new StringBuilder();
        for (int level = 0; level < 5_000; level++) {
            source.append(" ".repeat(level)).append("if x:\n");
        }
        assertEquals("too many levels of indentation", errorOf(source.toString()).message());
    }

    @Test
    @Timeout(30)
    void binaryJunkEndsWithAnError() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 200; round++) {
            char[] junk = new char[2_000];
            for (int i = 0; i < junk.length; i++) {
                // Half the rounds in Latin-1, half anywhere in UTF-16, lone surrogates included.
                junk[i] = (char) random.nextInt(round % 2 == 0 ? 256 : 0x10000);
            }
            PythonLexer lexer = LexerTokens.lexer(new String(junk));
            List<Token> tokens = LexerTokens.all(lexer);
            assertEquals(Token.EOF, tokens.get(tokens.size() - 1).getType());
        }
        assertEquals("source code cannot contain null bytes", errorOf("\0\0\0").message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1 # a\0b\n", "x = 'a\0b'\n", "x = '''a\n\0b'''\n", "x = f'a\0b'\n",
        "x = f'''{y:\0}'''\n", "x = f'\\\0'\n", "x = \\\0\n", "x = r'\\\0'\n"})
    void nulCharactersAreRejectedEverywhere(String source) {
        SyntaxError error = errorOf(source);
        assertNotNull(error, source);
        assertEquals("source code cannot contain null bytes", error.message(), source);
        int nul = source.indexOf('\0');
        int lineStart = source.lastIndexOf('\n', nul) + 1;
        assertEquals(source.substring(0, nul).chars().filter(c -> c == '\n').count() + 1, error.line(), source);
        assertEquals(nul - lineStart + 1, error.column(), source);
    }
}
