package dev.pitfall.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Runs the lexer over a text and renders its token stream for assertions and oracle comparison. */
final class LexerTokens {
    private LexerTokens() {
    }

    /** All tokens up to and including EOF. */
    static List<Token> all(PythonLexer lexer) {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            Token token = lexer.nextToken();
            tokens.add(token);
            if (token.getType() == Token.EOF) {
                return tokens;
            }
        }
    }

    /** A lexer over the stream SourceParser gives it, so that the fast path is the one tested. */
    static PythonLexer lexer(String source) {
        return new PythonLexer(new SourceCharStream(source, null));
    }

    /**
     * The default-channel tokens without EOF, as "KIND" or, for FSTRING_MIDDLE, "KIND(text)":
     * e.g. {@code FSTRING_START FSTRING_MIDDLE(a) LBRACE NAME RBRACE FSTRING_END NEWLINE}.
     */
    static String kinds(String source) {
        StringBuilder out = new StringBuilder();
        for (Token token : all(lexer(source))) {
            if (token.getType() == Token.EOF || token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(name(token.getType()));
            if (token.getType() == PythonLexer.FSTRING_MIDDLE) {
                out.append('(').append(token.getText()).append(')');
            }
        }
        return out.toString();
    }

    static String name(int type) {
        return PythonLexer.VOCABULARY.getSymbolicName(type);
    }

    /**
     * The default-channel tokens in the form parser/src/test/python/tokens.py prints CPython's:
     * keywords are NAMEs, consecutive FSTRING_MIDDLEs are joined with doubled braces undone, and
     * layout tokens carry no text.
     */
    static List<String> oracleForm(String source) {
        return oracleForm(all(lexer(source)));
    }

    static List<String> oracleForm(List<Token> tokens) {
        List<String> lines = new ArrayList<>();
        StringBuilder middle = null;
        for (Token token : tokens) {
            int type = token.getType();
            if (type == Token.EOF || token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (type == PythonLexer.FSTRING_MIDDLE) {
                String text = token.getText();
                if (text.equals("{{") || text.equals("}}")) {
                    text = text.substring(1);
                }
                middle = middle == null ? new StringBuilder(text) : middle.append(text);
                continue;
            }
            if (middle != null) {
                lines.add("FSTRING_MIDDLE " + escape(middle.toString()));
                middle = null;
            }
            String kind = name(type);
            String text = token.getText();
            if (isKeyword(type)) {
                kind = "NAME";
            } else if (type == PythonLexer.NEWLINE || type == PythonLexer.INDENT || type == PythonLexer.DEDENT) {
                text = "";
            }
            lines.add(kind + " " + escape(text));
        }
        return lines;
    }

    private static boolean isKeyword(int type) {
        String literal = PythonLexer.VOCABULARY.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1)) || type == PythonLexer.UNDERSCORE;
    }

    /** The same escaping as tokens.py: backslash, CR and LF become two-character escapes. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
