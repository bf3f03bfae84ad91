package dev.pitfall.parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The stateful half of the Python lexer: the grammar only recognises raw lexemes, and this class
 * turns them into CPython's token stream.
 *
 * <ul>
 *   <li>INDENT/DEDENT from the indentation of the first token of each logical line (tabs advance
 *       to the next multiple of 8, a form feed resets the column, and CPython's check that tab
 *       sizes 8 and 1 give the same answer).</li>
 *   <li>NEWLINE is dropped inside brackets and on blank or comment-only lines; at
 *       end of input a final empty NEWLINE and the pending DEDENTs are emitted.</li>
 *   <li>PEP 701 f-strings: the mode stack is driven from here, because whether a '}' or ':' ends
 *       a replacement field depends on the bracket depth inside the field.</li>
 *   <li>Errors: the first lexical error is kept as a {@link SyntaxError} (CPython's wording) and
 *       the token stream then ends at once with EOF. Nothing is thrown or printed.</li>
 * </ul>
 *
 * "unexpected indent" is left to the parser, as in CPython: the lexer emits the INDENT and the
 * parser rejects it where no block may start.
 *
 * <p>For the parser: when {@link #firstError()} is set, the EOF the parser sees is not the real end
 * of the file, so the lexer's error is the one to report, unless the parser failed on an earlier
 * token. CPython reports a tokenizer error found later in the file in place of a plain
 * "invalid syntax" too: it tokenizes the rest of the file before it reports one.
 *
 * <p>Positions are ANTLR's: lines from 1 counting '\n' only (feed it text whose line ends are
 * normalised, as {@code SourceFile} does), columns and indexes in code points, not UTF-16 units.
 * A byte order mark must be removed by the reader. Comments, whitespace, line continuations and
 * non-logical newlines are dropped, not put on a hidden channel: nothing reads them, and every
 * token in the stream costs the parser's token buffer and its backward scans for the previous
 * token on the default channel.
 */
public abstract class PythonLexerBase extends Lexer {
    private static final int MAX_BRACKET_DEPTH = 200;
    private static final int MAX_INDENT_LEVELS = 100;
    private static final int MAX_FSTRING_NESTING = 150;
    private static final int MAX_NESTED_FIELDS = 3;
    private static final int TAB_SIZE = 8;
    private static final String NULL_BYTES = "source code cannot contain null bytes";

    /** An f-string being lexed: its closing quote, whether backslashes are raw, its open fields. */
    private static final class FString {
        final String quote;
        final boolean raw;
        final PythonToken start;
        int openFields;

        FString(String quote, boolean raw, PythonToken start) {
            this.quote = quote;
            this.raw = raw;
            this.start = start;
        }
    }

    private final ArrayDeque<PythonToken> pending = new ArrayDeque<>();
    private final List<FString> fstrings = new ArrayList<>();

    // Open brackets, innermost last. A replacement field's '{' is a bracket too (as in CPython),
    // marked so that its '}' and a ':' at its own depth can be recognised.
    private int bracketDepth;
    private int[] bracketChars = new int[16];
    private int[] bracketLines = new int[16];
    private int[] bracketColumns = new int[16];
    private boolean[] bracketOpensField = new boolean[16];

    // Indentation stack; level 0 is column 0.
    private int indentLevel;
    private int[] indentColumns = new int[16];
    private int[] indentAltColumns = new int[16];

    private boolean lineHasContent;
    // Indentation of the current line: whitespace and backslash continuations before its first
    // token. As in CPython, the column of the first continuation counts when it is not 0.
    private boolean inLeadingWhitespace = true;
    private int lineIndent;
    private int lineAltIndent;
    private int continuationColumn;
    private int lineIndentStart = -1;
    private PythonToken lastContinuation;

    private SyntaxError firstError;
    private PythonToken endOfInput;

    // Whitespace and comments are read once and dropped, so one token object serves them all.
    private PythonToken droppedLayout;

    protected PythonLexerBase(CharStream input) {
        super(input);
        removeErrorListeners();
    }

    /** The first lexical error, or null if the whole input was tokenised. */
    public SyntaxError firstError() {
        return firstError;
    }

    /** Used by the grammar: a \N{...} escape exists only in f-strings that are not raw. */
    protected boolean isRawFString() {
        return !fstrings.isEmpty() && fstrings.get(fstrings.size() - 1).raw;
    }

    /** Used by the grammar: whether a non-ASCII character may start a name (XID_Start). */
    protected static boolean isIdentifierStart(int codePoint) {
        return IdentifierCharacters.START.contains(codePoint);
    }

    /** Used by the grammar: whether a non-ASCII character may continue a name (XID_Continue). */
    protected static boolean isIdentifierContinue(int codePoint) {
        return IdentifierCharacters.CONTINUE.contains(codePoint);
    }

    @Override
    public PythonToken nextToken() {
        while (pending.isEmpty()) {
            if (endOfInput != null) {
                return endOfInput;
            }
            int modeBefore = _mode;
            PythonToken token = null;
            if (modeBefore == DEFAULT_MODE && !_hitEOF && _input instanceof SourceCharStream chars) {
                token = commonToken(chars);
            }
            if (token == null) {
                token = (PythonToken) super.nextToken();
            }
            if (endOfInput != null) {
                // An error was reported while this token was being recognised.
                continue;
            }
            if (token.getType() == Token.EOF) {
                atEndOfInput(token);
            } else if (modeBefore == DEFAULT_MODE) {
                defaultModeToken(token);
            } else {
                fstringModeToken(token, modeBefore);
            }
        }
        return pending.poll();
    }

    /**
     * The commonest tokens of the default mode, recognised by hand: ASCII names and keywords,
     * decimal integers, strings without an f prefix, operators, spaces, comments and line ends.
     * ANTLR's lexer simulator walks its DFA character by character behind interface calls (about a
     * fifth of the parse in C1 code); this is a loop over the code points. It yields exactly the
     * tokens of the grammar, which stays their definition (LexerFastPathTest compares the two over
     * the standard library). Anything else, every error included, returns null with nothing
     * consumed, and the grammar's lexer takes over.
     */
    private PythonToken commonToken(SourceCharStream chars) {
        int[] text = chars.codePoints();
        int end = chars.size();
        int start = chars.index();
        if (start >= end) {
            return null;
        }
        int c = text[start];
        int stop = start + 1; // exclusive
        int type;
        if (c == ' ' || c == '\t' || c == '\f') {
            while (stop < end && (text[stop] == ' ' || text[stop] == '\t' || text[stop] == '\f')) {
                stop++;
            }
            type = PythonLexer.WS;
        } else if (c == '\n') {
            type = PythonLexer.NEWLINE;
        } else if (isAsciiNameStart(c)) {
            while (stop < end && isAsciiNamePart(text[stop])) {
                stop++;
            }
            if (stop < end && (text[stop] == '\'' || text[stop] == '"')) {
                return isStringPrefix(text, start, stop) ? stringToken(chars, text, start, stop) : null;
            }
            if (stop < end && text[stop] >= 0x80) {
                return null; // the name may go on with a non-ASCII character
            }
            type = Keywords.type(text, start, stop);
        } else if (c >= '0' && c <= '9') {
            while (stop < end && text[stop] >= '0' && text[stop] <= '9') {
                stop++;
            }
            // Floats, imaginaries, underscores, prefixed and zero-padded integers: the grammar's.
            int next = stop < end ? text[stop] : EOF;
            if (next == '.' || next == '_' || next == 'e' || next == 'E' || next == 'j' || next == 'J'
                    || c == '0' && (stop > start + 1 || "xXoObB".indexOf(next) >= 0)) {
                return null;
            }
            type = PythonLexer.NUMBER;
        } else if (c == '#') {
            while (stop < end && text[stop] != '\n' && text[stop] != '\r' && text[stop] != 0) {
                stop++;
            }
            type = PythonLexer.COMMENT;
        } else if (c == '\'' || c == '"') {
            return stringToken(chars, text, start, start);
        } else {
            int next = stop < end ? text[stop] : EOF;
            int after = stop + 1 < end ? text[stop + 1] : EOF;
            type = operator(c, next, after);
            if (type == Token.INVALID_TYPE) {
                return null;
            }
            stop = start + operatorLength(type);
        }
        return commonTokenEmitted(chars, type, start, stop, 0, -1);
    }

    /**
     * A string literal (not an f-string) whose prefix is {@code text[start, quote)}, or null where
     * the grammar must decide: no closing quote, a NUL or a carriage return inside.
     */
    private PythonToken stringToken(SourceCharStream chars, int[] text, int start, int quoteAt) {
        int end = chars.size();
        int quote = text[quoteAt];
        boolean triple = quoteAt + 2 < end && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote;
        int i = quoteAt + (triple ? 3 : 1);
        int newlines = 0;
        int lastNewline = -1;
        while (i < end) {
            int c = text[i];
            if (c == quote && (!triple || i + 2 < end && text[i + 1] == quote && text[i + 2] == quote)) {
                int stop = i + (triple ? 3 : 1);
                return commonTokenEmitted(chars, PythonLexer.STRING, start, stop, newlines, lastNewline);
            }
            if (c == '\\') {
                // An escape keeps any next character (a line end too) but NUL.
                i++;
                if (i == end || text[i] == 0 || text[i] == '\r') {
                    return null;
                }
                c = text[i];
            } else if (c == 0 || c == '\r' || c == '\n' && !triple) {
                return null;
            }
            if (c == '\n') {
                newlines++;
                lastNewline = i;
            }
            i++;
        }
        return null;
    }

    /** Emits the token just recognised by hand as ANTLR's {@code nextToken} would have. */
    private PythonToken commonTokenEmitted(SourceCharStream chars, int type, int start, int stop, int newlines,
                                           int lastNewline) {
        if (type == PythonLexer.NEWLINE) {
            newlines = 1;
            lastNewline = start;
        }
        LexerATNSimulator simulator = getInterpreter();
        _tokenStartCharIndex = start;
        _tokenStartLine = simulator.getLine();
        _tokenStartCharPositionInLine = simulator.getCharPositionInLine();
        _channel = DEFAULT_TOKEN_CHANNEL;
        _text = null;
        _type = type;
        _token = null;
        chars.seek(stop);
        if (newlines == 0) {
            simulator.setCharPositionInLine(_tokenStartCharPositionInLine + (stop - start));
        } else {
            simulator.setLine(_tokenStartLine + newlines);
            simulator.setCharPositionInLine(stop - lastNewline - 1);
        }
        if (stop == chars.size()) {
            _hitEOF = true;
        }
        return emit();
    }

    private static boolean isAsciiNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isAsciiNamePart(int c) {
        return isAsciiNameStart(c) || c >= '0' && c <= '9';
    }

    /** The grammar's STRING_PREFIX: one of r u b, or b and r in either order, in any case. */
    private static boolean isStringPrefix(int[] text, int start, int stop) {
        if (stop - start == 1) {
            return "rRuUbB".indexOf(text[start]) >= 0;
        }
        if (stop - start == 2) {
            int first = Character.toLowerCase(text[start]);
            int second = Character.toLowerCase(text[start + 1]);
            return first == 'b' && second == 'r' || first == 'r' && second == 'b';
        }
        return false;
    }

    /**
     * The operator or delimiter starting with {@code c}, the longest one the next characters
     * make, or {@code INVALID_TYPE} for a character that starts none (or may start a number).
     */
    private static int operator(int c, int next, int after) {
        switch (c) {
            case '(': return PythonLexer.LPAR;
            case ')': return PythonLexer.RPAR;
            case '[': return PythonLexer.LSQB;
            case ']': return PythonLexer.RSQB;
            case '{': return PythonLexer.LBRACE;
            case '}': return PythonLexer.RBRACE;
            case ',': return PythonLexer.COMMA;
            case ';': return PythonLexer.SEMI;
            case '~': return PythonLexer.TILDE;
            case ':': return next == '=' ? PythonLexer.COLONEQUAL : PythonLexer.COLON;
            case '=': return next == '=' ? PythonLexer.EQEQUAL : PythonLexer.EQUAL;
            case '!': return next == '=' ? PythonLexer.NOTEQUAL : PythonLexer.EXCLAMATION;
            case '+': return next == '=' ? PythonLexer.PLUSEQUAL : PythonLexer.PLUS;
            case '%': return next == '=' ? PythonLexer.PERCENTEQUAL : PythonLexer.PERCENT;
            case '&': return next == '=' ? PythonLexer.AMPEREQUAL : PythonLexer.AMPER;
            case '|': return next == '=' ? PythonLexer.VBAREQUAL : PythonLexer.VBAR;
            case '^': return next == '=' ? PythonLexer.CIRCUMFLEXEQUAL : PythonLexer.CIRCUMFLEX;
            case '@': return next == '=' ? PythonLexer.ATEQUAL : PythonLexer.AT;
            case '-': return next == '=' ? PythonLexer.MINEQUAL : next == '>' ? PythonLexer.RARROW : PythonLexer.MINUS;
            case '*': return next == '*' ? (after == '=' ? PythonLexer.DOUBLESTAREQUAL : PythonLexer.DOUBLESTAR)
                    : next == '=' ? PythonLexer.STAREQUAL : PythonLexer.STAR;
            case '/': return next == '/' ? (after == '=' ? PythonLexer.DOUBLESLASHEQUAL : PythonLexer.DOUBLESLASH)
                    : next == '=' ? PythonLexer.SLASHEQUAL : PythonLexer.SLASH;
            case '<': return next == '<' ? (after == '=' ? PythonLexer.LEFTSHIFTEQUAL : PythonLexer.LEFTSHIFT)
                    : next == '=' ? PythonLexer.LESSEQUAL : PythonLexer.LESS;
            case '>': return next == '>' ? (after == '=' ? PythonLexer.RIGHTSHIFTEQUAL : PythonLexer.RIGHTSHIFT)
                    : next == '=' ? PythonLexer.GREATEREQUAL : PythonLexer.GREATER;
            case '.':
                if (next >= '0' && next <= '9') {
                    return Token.INVALID_TYPE; // a float
                }
                return next == '.' && after == '.' ? PythonLexer.ELLIPSIS : PythonLexer.DOT;
            default: return Token.INVALID_TYPE;
        }
    }

    private static int operatorLength(int type) {
        return switch (type) {
            case PythonLexer.LEFTSHIFTEQUAL, PythonLexer.RIGHTSHIFTEQUAL, PythonLexer.DOUBLESTAREQUAL,
                    PythonLexer.DOUBLESLASHEQUAL, PythonLexer.ELLIPSIS -> 3;
            case PythonLexer.COLONEQUAL, PythonLexer.EQEQUAL, PythonLexer.NOTEQUAL, PythonLexer.PLUSEQUAL,
                    PythonLexer.PERCENTEQUAL, PythonLexer.AMPEREQUAL, PythonLexer.VBAREQUAL,
                    PythonLexer.CIRCUMFLEXEQUAL, PythonLexer.ATEQUAL, PythonLexer.MINEQUAL, PythonLexer.RARROW,
                    PythonLexer.DOUBLESTAR, PythonLexer.STAREQUAL, PythonLexer.DOUBLESLASH, PythonLexer.SLASHEQUAL,
                    PythonLexer.LEFTSHIFT, PythonLexer.LESSEQUAL, PythonLexer.RIGHTSHIFT,
                    PythonLexer.GREATEREQUAL -> 2;
            default -> 1;
        };
    }

    /**
     * The grammar's keywords (every token whose literal is a name), by first letter. A holder
     * class: PythonLexer's vocabulary does not exist yet while this superclass is initialised.
     */
    private static final class Keywords {
        private static final String[][] TEXTS = new String[128][];
        private static final int[][] TYPES = new int[128][];

        static {
            Vocabulary vocabulary = PythonLexer.VOCABULARY;
            for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
                String literal = vocabulary.getLiteralName(type);
                if (literal == null || !isAsciiNameStart(literal.charAt(1))) {
                    continue;
                }
                String keyword = literal.substring(1, literal.length() - 1);
                int initial = keyword.charAt(0);
                int count = TEXTS[initial] == null ? 0 : TEXTS[initial].length;
                String[] texts = new String[count + 1];
                int[] types = new int[count + 1];
                if (count > 0) {
                    System.arraycopy(TEXTS[initial], 0, texts, 0, count);
                    System.arraycopy(TYPES[initial], 0, types, 0, count);
                }
                texts[count] = keyword;
                types[count] = type;
                TEXTS[initial] = texts;
                TYPES[initial] = types;
            }
        }

        /** The keyword's token type for the ASCII name {@code text[start, stop)}, else NAME. */
        static int type(int[] text, int start, int stop) {
            String[] texts = TEXTS[text[start]];
            if (texts == null) {
                return PythonLexer.NAME;
            }
            int length = stop - start;
            candidates:
            for (int k = 0; k < texts.length; k++) {
                String keyword = texts[k];
                if (keyword.length() != length) {
                    continue;
                }
                for (int i = 1; i < length; i++) {
                    if (keyword.charAt(i) != text[start + i]) {
                        continue candidates;
                    }
                }
                return TYPES[text[start]][k];
            }
            return PythonLexer.NAME;
        }
    }

    @Override
    public PythonToken emit() {
        if (_type != PythonLexer.WS && _type != PythonLexer.COMMENT) {
            PythonToken token = new PythonToken(_tokenFactorySourcePair, _type, _text, _tokenStartCharIndex,
                    getCharIndex() - 1, _tokenStartLine, _tokenStartCharPositionInLine);
            token.setChannel(_channel);
            emit(token);
            return token;
        }
        if (droppedLayout == null) {
            droppedLayout = new PythonToken(_tokenFactorySourcePair, _type, null, 0, 0, 0, 0);
        }
        droppedLayout.setType(_type);
        droppedLayout.setStartIndex(_tokenStartCharIndex);
        droppedLayout.setStopIndex(getCharIndex() - 1);
        droppedLayout.setLine(_tokenStartLine);
        droppedLayout.setCharPositionInLine(_tokenStartCharPositionInLine);
        emit(droppedLayout);
        return droppedLayout;
    }

    @Override
    public void reset() {
        super.reset();
        pending.clear();
        fstrings.clear();
        bracketDepth = 0;
        indentLevel = 0;
        lineHasContent = false;
        startPhysicalLine();
        lastContinuation = null;
        firstError = null;
        endOfInput = null;
    }

    @Override
    public void notifyListeners(LexerNoViableAltException e) {
        // The f-string modes have no rule for a NUL character; otherwise every mode has a catch-all.
        int start = e.getStartIndex();
        boolean nul = "\0".equals(e.getInputStream().getText(Interval.of(start, start)));
        fail(_tokenStartLine, _tokenStartCharPositionInLine + 1, nul ? NULL_BYTES : "invalid syntax");
    }

    private void defaultModeToken(PythonToken token) {
        int type = token.getType();
        if (type == PythonLexer.WS) {
            if (inLeadingWhitespace) {
                measureIndent(token);
            }
            return;
        }
        if (type == PythonLexer.NEWLINE) {
            startPhysicalLine();
            lastContinuation = null;
            if (lineHasContent && bracketDepth == 0) {
                lineHasContent = false;
                pending.add(token);
            }
            return;
        }
        if (type == PythonLexer.LINE_CONTINUATION) {
            if (inLeadingWhitespace && continuationColumn == 0) {
                continuationColumn = lineIndent;
            }
            lastContinuation = token;
            return;
        }
        if (type == PythonLexer.STRAY_BACKSLASH && inLeadingWhitespace) {
            // CPython reads backslashes as part of the indentation, so this comes before its check.
            isErrorToken(token);
            return;
        }
        inLeadingWhitespace = false;
        if (type == PythonLexer.COMMENT) {
            return;
        }
        lastContinuation = null;
        // CPython checks the indentation of a line before it reads its first token.
        if (!lineHasContent) {
            if (!indent(token)) {
                return;
            }
            lineHasContent = true;
        }
        if (isErrorToken(token)) {
            return;
        }
        switch (type) {
            case PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE -> {
                if (!openBracket(token, false)) {
                    return;
                }
            }
            case PythonLexer.RPAR, PythonLexer.RSQB, PythonLexer.RBRACE -> {
                if (!closeBracket(token)) {
                    return;
                }
            }
            case PythonLexer.COLON -> {
                if (atFieldTopLevel()) {
                    mode(PythonLexer.FORMAT_SPEC);
                }
            }
            case PythonLexer.COLONEQUAL -> {
                if (atFieldTopLevel()) {
                    token = splitFormatSpecColon(token);
                }
            }
            case PythonLexer.NUMBER -> {
                if (!checkEndOfNumber(token)) {
                    return;
                }
            }
            case PythonLexer.FSTRING_START -> {
                if (!startFString(token)) {
                    return;
                }
            }
            default -> {
            }
        }
        pending.add(token);
    }

    private void startPhysicalLine() {
        inLeadingWhitespace = true;
        lineIndent = 0;
        lineAltIndent = 0;
        continuationColumn = 0;
        lineIndentStart = -1;
    }

    /** Records the error for the tokens that only exist to be reported; true if it was one. */
    private boolean isErrorToken(PythonToken token) {
        int column = token.getCharPositionInLine() + 1;
        int type = token.getType();
        if ((type == PythonLexer.STRAY_BACKSLASH || type == PythonLexer.UNTERMINATED_STRING
                || type == PythonLexer.UNTERMINATED_LONG_STRING) && _input.LA(1) == 0) {
            // The token stopped at a NUL character.
            fail(getLine(), getCharPositionInLine() + 1, NULL_BYTES);
            return true;
        }
        switch (type) {
            case PythonLexer.ERROR_CHAR -> {
                fail(token.getLine(), column, invalidCharacterMessage(token.getText().codePointAt(0)));
                return true;
            }
            case PythonLexer.STRAY_BACKSLASH -> {
                String message = _input.LA(1) == EOF
                        ? "unexpected EOF while parsing"
                        : "unexpected character after line continuation character";
                fail(token.getLine(), column + 1, message);
                return true;
            }
            case PythonLexer.UNTERMINATED_STRING -> {
                String text = token.getText();
                if (closesEnclosingFString(text)) {
                    fail(token.getLine(), column + quoteOffset(text) - 1, "f-string: expecting '}'");
                } else {
                    int detectedAt = token.getLine() + countNewlines(text);
                    fail(token.getLine(), column,
                            "unterminated string literal (detected at line " + detectedAt + ")");
                }
                return true;
            }
            case PythonLexer.UNTERMINATED_LONG_STRING -> {
                fail(token.getLine(), column,
                        "unterminated triple-quoted string literal (detected at line " + lastLine() + ")");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String invalidCharacterMessage(int codePoint) {
        if (codePoint == 0) {
            return NULL_BYTES;
        }
        if (!isPrintable(codePoint)) {
            return String.format("invalid non-printable character U+%04X", codePoint);
        }
        if (codePoint < 128) {
            // '$', '?' and '`': CPython's tokenizer passes them on and its parser rejects them.
            return "invalid syntax";
        }
        return String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(codePoint)), codePoint);
    }

    /** Python's str.isprintable() for one character. */
    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void fstringModeToken(PythonToken token, int mode) {
        int column = token.getCharPositionInLine() + 1;
        switch (token.getType()) {
            case PythonLexer.FSTRING_MIDDLE -> pending.add(token);
            case PythonLexer.FSTRING_END -> {
                fstrings.remove(fstrings.size() - 1);
                popMode();
                pending.add(token);
            }
            case PythonLexer.LBRACE -> {
                if (++currentFString().openFields > MAX_NESTED_FIELDS) {
                    // CPython points at the character before the brace.
                    fail(token.getLine(), column - 1, "f-string: expressions nested too deeply");
                } else if (openBracket(token, true)) {
                    pushMode(DEFAULT_MODE);
                    pending.add(token);
                }
            }
            case PythonLexer.RBRACE -> {
                // Only the format spec mode produces RBRACE: it ends the spec and its field.
                bracketDepth--;
                currentFString().openFields--;
                popMode();
                pending.add(token);
            }
            case PythonLexer.FSTRING_LONE_RBRACE -> fail(token.getLine(), column,
                    "f-string: single '}' is not allowed");
            case PythonLexer.FSTRING_NEWLINE -> unterminatedFString(token.getLine());
            case PythonLexer.SPEC_QUOTE -> {
                if (!closesCurrentFString(token.getText().charAt(0))) {
                    token.setType(PythonLexer.FSTRING_MIDDLE);
                    pending.add(token);
                } else if (currentFString().quote.length() == 1) {
                    fail(token.getLine(), column, "f-string: expecting '}', or format specs");
                } else {
                    neverClosed();
                }
            }
            case PythonLexer.SPEC_NEWLINE -> {
                if (currentFString().quote.length() == 1) {
                    // CPython's parser reports it at the start of the next line.
                    fail(token.getLine() + 1, 1, "f-string: expecting '}', or format specs");
                } else {
                    token.setType(PythonLexer.FSTRING_MIDDLE);
                    pending.add(token);
                }
            }
            default -> throw new IllegalStateException(
                    "grammar and PythonLexerBase disagree: token type " + token.getType() + " in mode " + mode);
        }
    }

    private boolean startFString(PythonToken token) {
        String text = token.getText();
        int quoteStart = quoteOffset(text) - 1;
        if (fstrings.size() + 1 >= MAX_FSTRING_NESTING) {
            fail(token.getLine(), token.getCharPositionInLine() + quoteStart + 1, "too many nested f-strings");
            return false;
        }
        String quote = text.substring(quoteStart);
        String prefix = text.substring(0, quoteStart);
        boolean raw = prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
        fstrings.add(new FString(quote, raw, token));
        int mode;
        if (quote.length() == 3) {
            mode = quote.charAt(0) == '"' ? PythonLexer.FSTRING_LONG_DQ : PythonLexer.FSTRING_LONG_SQ;
        } else {
            mode = quote.charAt(0) == '"' ? PythonLexer.FSTRING_DQ : PythonLexer.FSTRING_SQ;
        }
        pushMode(mode);
        return true;
    }

    private FString currentFString() {
        return fstrings.get(fstrings.size() - 1);
    }

    /** Whether the quote just read in a format spec (plus what follows) closes the f-string. */
    private boolean closesCurrentFString(char quoteChar) {
        String quote = currentFString().quote;
        if (quote.charAt(0) != quoteChar) {
            return false;
        }
        return quote.length() == 1 || (_input.LA(1) == quoteChar && _input.LA(2) == quoteChar);
    }

    /**
     * An unterminated string inside a replacement field that starts with the enclosing f-string's
     * own quote means the field's '}' is missing (CPython's reading, e.g. {@code f"{"}).
     */
    private boolean closesEnclosingFString(String unterminatedText) {
        if (fstrings.isEmpty()) {
            return false;
        }
        char quote = unterminatedText.charAt(quoteOffset(unterminatedText) - 1);
        String fstringQuote = currentFString().quote;
        return fstringQuote.length() == 1 && fstringQuote.charAt(0) == quote;
    }

    /** 1-based offset of the first quote in a string token (after its prefix letters). */
    private static int quoteOffset(String stringToken) {
        int i = 0;
        while (stringToken.charAt(i) != '\'' && stringToken.charAt(i) != '"') {
            i++;
        }
        return i + 1;
    }

    private void unterminatedFString(int detectedAt) {
        FString fstring = currentFString();
        String kind = fstring.quote.length() == 3 ? "unterminated triple-quoted f-string literal"
                : "unterminated f-string literal";
        PythonToken start = fstring.start;
        fail(start.getLine(), start.getCharPositionInLine() + 1, kind + " (detected at line " + detectedAt + ")");
    }

    private boolean atFieldTopLevel() {
        return bracketDepth > 0 && bracketOpensField[bracketDepth - 1];
    }

    /**
     * At the top level of a replacement field ':' always starts the format spec, even in ":=",
     * so the ':' becomes its own token and the '=' is lexed again as format spec text.
     */
    private PythonToken splitFormatSpecColon(PythonToken colonEqual) {
        int start = colonEqual.getStartIndex();
        PythonToken colon = new PythonToken(_tokenFactorySourcePair, PythonLexer.COLON, null, start, start,
                colonEqual.getLine(), colonEqual.getCharPositionInLine());
        _input.seek(start + 1);
        getInterpreter().setCharPositionInLine(colonEqual.getCharPositionInLine() + 1);
        mode(PythonLexer.FORMAT_SPEC);
        return colon;
    }

    private boolean openBracket(PythonToken token, boolean opensField) {
        if (bracketDepth >= MAX_BRACKET_DEPTH) {
            fail(token.getLine(), token.getCharPositionInLine() + 1, "too many nested parentheses");
            return false;
        }
        if (bracketDepth == bracketChars.length) {
            int size = Math.min(bracketDepth * 2, MAX_BRACKET_DEPTH);
            bracketChars = Arrays.copyOf(bracketChars, size);
            bracketLines = Arrays.copyOf(bracketLines, size);
            bracketColumns = Arrays.copyOf(bracketColumns, size);
            bracketOpensField = Arrays.copyOf(bracketOpensField, size);
        }
        bracketChars[bracketDepth] = bracketChar(token.getType());
        bracketLines[bracketDepth] = token.getLine();
        bracketColumns[bracketDepth] = token.getCharPositionInLine();
        bracketOpensField[bracketDepth] = opensField;
        bracketDepth++;
        return true;
    }

    private boolean closeBracket(PythonToken token) {
        char closing = bracketChar(token.getType());
        int column = token.getCharPositionInLine() + 1;
        if (bracketDepth == 0) {
            fail(token.getLine(), column, "unmatched '" + closing + "'");
            return false;
        }
        int top = bracketDepth - 1;
        if (bracketOpensField[top]) {
            if (closing != '}') {
                fail(token.getLine(), column, "f-string: unmatched '" + closing + "'");
                return false;
            }
            bracketDepth--;
            currentFString().openFields--;
            popMode();
            return true;
        }
        char opening = (char) bracketChars[top];
        if (opening != matchingOpener(closing)) {
            String message = "closing parenthesis '" + closing + "' does not match opening parenthesis '" + opening + "'";
            if (bracketLines[top] != token.getLine()) {
                message += " on line " + bracketLines[top];
            }
            fail(token.getLine(), column, message);
            return false;
        }
        bracketDepth--;
        return true;
    }

    private static char bracketChar(int type) {
        switch (type) {
            case PythonLexer.LPAR:
                return '(';
            case PythonLexer.RPAR:
                return ')';
            case PythonLexer.LSQB:
                return '[';
            case PythonLexer.RSQB:
                return ']';
            case PythonLexer.LBRACE:
                return '{';
            default:
                return '}';
        }
    }

    private static char matchingOpener(char closing) {
        return closing == ')' ? '(' : closing == ']' ? '[' : '{';
    }

    /** Adds the leading whitespace token just read to the indentation, without copying its text. */
    private void measureIndent(PythonToken whitespace) {
        int length = whitespace.getStopIndex() - whitespace.getStartIndex() + 1;
        int column = lineIndent;
        int altColumn = lineAltIndent;
        for (int back = length; back >= 1; back--) {
            int c = _input.LA(-back);
            if (c == ' ') {
                column++;
                altColumn++;
            } else if (c == '\t') {
                column = (column / TAB_SIZE + 1) * TAB_SIZE;
                altColumn++;
            } else {
                // form feed
                column = 0;
                altColumn = 0;
            }
        }
        lineIndent = column;
        lineAltIndent = altColumn;
        if (lineIndentStart < 0) {
            lineIndentStart = whitespace.getStartIndex();
        }
    }

    /** Emits INDENT/DEDENTs before the first token of a logical line; false after an error. */
    private boolean indent(PythonToken first) {
        int line = first.getLine();
        if (continuationColumn != 0) {
            lineIndent = continuationColumn;
            lineAltIndent = continuationColumn;
        }
        if (lineIndent == indentColumns[indentLevel]) {
            if (lineAltIndent != indentAltColumns[indentLevel]) {
                return tabError(line);
            }
        } else if (lineIndent > indentColumns[indentLevel]) {
            if (indentLevel + 1 >= MAX_INDENT_LEVELS) {
                fail(line, 1, "too many levels of indentation");
                return false;
            }
            if (lineAltIndent <= indentAltColumns[indentLevel]) {
                return tabError(line);
            }
            indentLevel++;
            if (indentLevel == indentColumns.length) {
                indentColumns = Arrays.copyOf(indentColumns, indentLevel * 2);
                indentAltColumns = Arrays.copyOf(indentAltColumns, indentLevel * 2);
            }
            indentColumns[indentLevel] = lineIndent;
            indentAltColumns[indentLevel] = lineAltIndent;
            int start = first.getStartIndex();
            int indentStart = lineIndentStart < 0 ? start : lineIndentStart;
            pending.add(syntheticToken(PythonLexer.INDENT, null, indentStart, start - 1, line, 0));
        } else {
            while (indentLevel > 0 && lineIndent < indentColumns[indentLevel]) {
                indentLevel--;
                pending.add(syntheticToken(PythonLexer.DEDENT, "", first.getStartIndex(), first.getStartIndex() - 1,
                        line, first.getCharPositionInLine()));
            }
            if (lineIndent != indentColumns[indentLevel]) {
                fail(line, lineLength(first) + 1, "unindent does not match any outer indentation level");
                return false;
            }
            if (lineAltIndent != indentAltColumns[indentLevel]) {
                return tabError(line);
            }
        }
        return true;
    }

    private boolean tabError(int line) {
        fail(line, 1, "inconsistent use of tabs and spaces in indentation");
        return false;
    }

    /** Length in code points of the physical line holding {@code token}, without its line end. */
    private int lineLength(PythonToken token) {
        int index = token.getStartIndex();
        int size = _input.size();
        int length = token.getCharPositionInLine();
        final int chunk = 4096;
        while (index < size) {
            String text = _input.getText(Interval.of(index, Math.min(size, index + chunk) - 1));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    return length;
                }
                if (!Character.isLowSurrogate(c)) {
                    length++;
                }
            }
            index += chunk;
        }
        return length;
    }

    /**
     * CPython's checks after a number: an identifier character directly after it is an error,
     * except the start of a keyword that may legally follow a number ("1if x else 2").
     */
    private boolean checkEndOfNumber(PythonToken number) {
        String text = number.getText();
        int next = _input.LA(1);
        int line = number.getLine();
        int lastColumn = number.getCharPositionInLine() + text.length();
        boolean decimalZero = isDecimalZero(text);
        if (decimalZero && (isDigit(next) || (next == '_' && isDigit(_input.LA(2))))) {
            fail(line, number.getCharPositionInLine() + 1,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            return false;
        }
        if (text.equals("0") && "xXoObB".indexOf(next) >= 0) {
            // CPython has also consumed an underscore after the prefix when it gives up.
            fail(line, lastColumn + (_input.LA(2) == '_' ? 2 : 1), "invalid " + radixKind(Character.toLowerCase(next)) + " literal");
            return false;
        }
        String kind;
        char last = text.charAt(text.length() - 1);
        if (text.length() > 2 && text.charAt(0) == '0' && "xXoObB".indexOf(text.charAt(1)) >= 0) {
            char radix = Character.toLowerCase(text.charAt(1));
            kind = radixKind(radix);
            if ((radix == 'o' || radix == 'b') && isDigit(next)) {
                fail(line, lastColumn + 1, "invalid digit '" + (char) next + "' in " + kind + " literal");
                return false;
            }
        } else if (last == 'j' || last == 'J') {
            kind = "imaginary";
        } else {
            kind = "decimal";
        }
        if (next == '_' && Character.digit(last, 16) >= 0) {
            // CPython reads an underscore after a digit as part of the number before it fails.
            fail(line, lastColumn + 1, "invalid " + kind + " literal");
            return false;
        }
        if (keywordFollows(next)) {
            return true;
        }
        if (next < 128 && (isDigit(next) || Character.isLetter(next) || next == '_')) {
            fail(line, lastColumn, "invalid " + kind + " literal");
            return false;
        }
        return true;
    }

    private static String radixKind(int radixLetter) {
        return radixLetter == 'x' ? "hexadecimal" : radixLetter == 'o' ? "octal" : "binary";
    }

    private static boolean isDecimalZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The keywords CPython still accepts directly after a number: and else for if in is not or. */
    private boolean keywordFollows(int c) {
        return switch (c) {
            case 'a' -> lookingAt("nd");
            case 'e' -> lookingAt("lse");
            case 'f' -> lookingAt("or");
            case 'i' -> {
                int c2 = _input.LA(2);
                yield c2 == 'f' || c2 == 'n' || c2 == 's';
            }
            case 'o' -> lookingAt("r");
            case 'n' -> lookingAt("ot");
            default -> false;
        };
    }

    /** Whether {@code rest} follows the next input character. */
    private boolean lookingAt(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (_input.LA(i + 2) != rest.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void atEndOfInput(PythonToken eof) {
        if (_mode != DEFAULT_MODE) {
            unterminatedFString(lastLine());
            return;
        }
        if (bracketDepth > 0) {
            neverClosed();
            return;
        }
        if (lastContinuation != null) {
            fail(lastContinuation.getLine(), lastContinuation.getCharPositionInLine() + 2,
                    "unexpected EOF while parsing");
            return;
        }
        int index = eof.getStartIndex();
        if (lineHasContent) {
            pending.add(syntheticToken(PythonLexer.NEWLINE, "", index, index - 1, eof.getLine(),
                    eof.getCharPositionInLine()));
            lineHasContent = false;
        }
        while (indentLevel > 0) {
            indentLevel--;
            pending.add(syntheticToken(PythonLexer.DEDENT, "", index, index - 1, eof.getLine(),
                    eof.getCharPositionInLine()));
        }
        endOfInput = eof;
        pending.add(eof);
    }

    private void neverClosed() {
        int top = bracketDepth - 1;
        fail(bracketLines[top], bracketColumns[top] + 1, "'" + (char) bracketChars[top] + "' was never closed");
    }

    /** The line CPython names in "detected at line N": the line of the last character. */
    private int lastLine() {
        int size = _input.size();
        int eofLine = getLine();
        if (size > 0 && "\n".equals(_input.getText(Interval.of(size - 1, size - 1)))) {
            return eofLine - 1;
        }
        return eofLine;
    }

    private static int countNewlines(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private PythonToken syntheticToken(int type, String text, int start, int stop, int line, int column) {
        return new PythonToken(_tokenFactorySourcePair, type, text, start, stop, line, column);
    }

    /** Keeps the first error and ends the token stream there. */
    private void fail(int line, int column, String message) {
        if (firstError == null) {
            firstError = new SyntaxError(line, column, message);
        }
        int index = _input.index();
        endOfInput = new PythonToken(_tokenFactorySourcePair, EOF, null, index, index - 1, getLine(),
                getCharPositionInLine());
        pending.add(endOfInput);
    }

    @Override
    public PythonToken emitEOF() {
        int index = _input.index();
        PythonToken eof = new PythonToken(_tokenFactorySourcePair, EOF, null, index, index - 1, getLine(),
                getCharPositionInLine());
        emit(eof);
        return eof;
    }
}
