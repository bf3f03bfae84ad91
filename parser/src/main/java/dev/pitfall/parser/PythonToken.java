package dev.pitfall.parser;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Every token of {@link PythonLexerBase}. It is made with its position as the lexer knows it:
 * {@code CommonToken}'s constructor asks the token source for a line and column that the factory
 * then overwrites, through an interface cast and interface calls that C1 code (the launcher runs
 * C1 only) pays per token. The lexer and the token stream hold tokens by this class, so that
 * reading them costs no interface type check either.
 */
final class PythonToken extends CommonToken {
    PythonToken(Pair<TokenSource, CharStream> source, int type, String text, int start, int stop, int line,
                int column) {
        super(type);
        this.source = source;
        this.text = text;
        this.start = start;
        this.stop = stop;
        this.line = line;
        this.charPositionInLine = column;
    }
}
