/*
 * Python 3.13 tokens, written from the Language Reference, chapter 2 "Lexical analysis".
 *
 * This grammar only recognises the raw lexemes. PythonLexerBase decides everything that depends
 * on state: INDENT/DEDENT, whether a NEWLINE is logical, bracket matching, when a replacement
 * field of an f-string ends or its format spec starts, and all error messages. Token types that
 * are not part of the parser's contract (UNTERMINATED_*, ERROR_CHAR, ...) never reach the parser.
 */
lexer grammar PythonLexer;

options { superClass = PythonLexerBase; }

tokens { INDENT, DEDENT, FSTRING_MIDDLE, FSTRING_END, FSTRING_NEWLINE, FSTRING_LONE_RBRACE }

// ---- Keywords (before NAME: on equal length the first rule wins) ----
FALSE    : 'False' ;
NONE     : 'None' ;
TRUE     : 'True' ;
AND      : 'and' ;
AS       : 'as' ;
ASSERT   : 'assert' ;
ASYNC    : 'async' ;
AWAIT    : 'await' ;
BREAK    : 'break' ;
CLASS    : 'class' ;
CONTINUE : 'continue' ;
DEF      : 'def' ;
DEL      : 'del' ;
ELIF     : 'elif' ;
ELSE     : 'else' ;
EXCEPT   : 'except' ;
FINALLY  : 'finally' ;
FOR      : 'for' ;
FROM     : 'from' ;
GLOBAL   : 'global' ;
IF       : 'if' ;
IMPORT   : 'import' ;
IN       : 'in' ;
IS       : 'is' ;
LAMBDA   : 'lambda' ;
NONLOCAL : 'nonlocal' ;
NOT      : 'not' ;
OR       : 'or' ;
PASS     : 'pass' ;
RAISE    : 'raise' ;
RETURN   : 'return' ;
TRY      : 'try' ;
WHILE    : 'while' ;
WITH     : 'with' ;
YIELD    : 'yield' ;

// Soft keywords: the parser accepts them wherever a name is allowed.
MATCH      : 'match' ;
CASE       : 'case' ;
TYPE       : 'type' ;
UNDERSCORE : '_' ;

// ---- Operators and delimiters (names as in CPython's token module) ----
LPAR             : '(' ;
RPAR             : ')' ;
LSQB             : '[' ;
RSQB             : ']' ;
LBRACE           : '{' ;
RBRACE           : '}' ;
COLON            : ':' ;
COMMA            : ',' ;
SEMI             : ';' ;
PLUS             : '+' ;
MINUS            : '-' ;
STAR             : '*' ;
SLASH            : '/' ;
VBAR             : '|' ;
AMPER            : '&' ;
LESS             : '<' ;
GREATER          : '>' ;
EQUAL            : '=' ;
DOT              : '.' ;
PERCENT          : '%' ;
EQEQUAL          : '==' ;
NOTEQUAL         : '!=' ;
LESSEQUAL        : '<=' ;
GREATEREQUAL     : '>=' ;
TILDE            : '~' ;
CIRCUMFLEX       : '^' ;
LEFTSHIFT        : '<<' ;
RIGHTSHIFT       : '>>' ;
DOUBLESTAR       : '**' ;
PLUSEQUAL        : '+=' ;
MINEQUAL         : '-=' ;
STAREQUAL        : '*=' ;
SLASHEQUAL       : '/=' ;
PERCENTEQUAL     : '%=' ;
AMPEREQUAL       : '&=' ;
VBAREQUAL        : '|=' ;
CIRCUMFLEXEQUAL  : '^=' ;
LEFTSHIFTEQUAL   : '<<=' ;
RIGHTSHIFTEQUAL  : '>>=' ;
DOUBLESTAREQUAL  : '**=' ;
DOUBLESLASH      : '//' ;
DOUBLESLASHEQUAL : '//=' ;
AT               : '@' ;
ATEQUAL          : '@=' ;
RARROW           : '->' ;
ELLIPSIS         : '...' ;
COLONEQUAL       : ':=' ;
EXCLAMATION      : '!' ;

// ---- Literals ----
// Only valid literals; PythonLexerBase checks what follows a number (CPython's "invalid decimal
// literal", leading zeros, invalid digits). No rule lets a NUL character into a token: CPython
// rejects it anywhere in the source, and PythonLexerBase reports it where the token stops.
NUMBER
    : DEC_INTEGER | BIN_INTEGER | OCT_INTEGER | HEX_INTEGER | FLOAT_NUMBER
    | ( FLOAT_NUMBER | DIGIT_PART ) [jJ]
    ;

STRING : STRING_PREFIX? ( '\'' SHORT_SQ_CHAR* '\'' | '"' SHORT_DQ_CHAR* '"'
                        | '\'\'\'' LONG_SQ_BODY '\'\'\'' | '"""' LONG_DQ_BODY '"""' ) ;

// A string without its closing quote; always shorter than STRING when the quote exists.
UNTERMINATED_STRING      : STRING_PREFIX? ( '\'' SHORT_SQ_CHAR* | '"' SHORT_DQ_CHAR* ) '\\'? ;
UNTERMINATED_LONG_STRING : STRING_PREFIX? ( '\'\'\'' LONG_SQ_BODY '\''? '\''? | '"""' LONG_DQ_BODY '"'? '"'? ) '\\'? ;

FSTRING_START : FSTRING_PREFIX ( '\'' | '"' | '\'\'\'' | '"""' ) ;

NAME : ID_START ID_CONTINUE* ;

// ---- Layout (PythonLexerBase drops them after reading the indentation and bracket state) ----
NEWLINE           : '\r'? '\n' | '\r' ;
WS                : [ \t\f]+ ;
LINE_CONTINUATION : '\\' ( '\r'? '\n' | '\r' ) ;
COMMENT           : '#' ~[\r\n\u0000]* ;
// A backslash that is not a line continuation.
STRAY_BACKSLASH   : '\\' ;
ERROR_CHAR        : . ;

fragment STRING_PREFIX  : [rRuUbB] | [bB] [rR] | [rR] [bB] ;
fragment FSTRING_PREFIX : [fF] | [fF] [rR] | [rR] [fF] ;

// A backslash keeps the next character (also in raw strings, where it stays in the value).
fragment STRING_ESCAPE : '\\' ( '\r\n' | ~'\u0000' ) ;
fragment SHORT_SQ_CHAR : ~[\\'\r\n\u0000] | STRING_ESCAPE ;
fragment SHORT_DQ_CHAR : ~[\\"\r\n\u0000] | STRING_ESCAPE ;
// No unescaped run of three quotes can occur inside: one or two quotes must be followed by
// something else.
fragment LONG_SQ_BODY  : ( '\''? '\''? ( ~[\\'\u0000] | STRING_ESCAPE ) )* ;
fragment LONG_DQ_BODY  : ( '"'? '"'? ( ~[\\"\u0000] | STRING_ESCAPE ) )* ;

fragment DIGIT_PART   : [0-9] ( '_'? [0-9] )* ;
fragment DEC_INTEGER  : [1-9] ( '_'? [0-9] )* | '0'+ ( '_'? '0' )* ;
fragment BIN_INTEGER  : '0' [bB] ( '_'? [01] )+ ;
fragment OCT_INTEGER  : '0' [oO] ( '_'? [0-7] )+ ;
fragment HEX_INTEGER  : '0' [xX] ( '_'? [0-9a-fA-F] )+ ;
fragment POINT_FLOAT  : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment EXPONENT     : [eE] [+-]? DIGIT_PART ;
fragment FLOAT_NUMBER : POINT_FLOAT | ( DIGIT_PART | POINT_FLOAT ) EXPONENT ;

// Names as CPython's tokenizer checks them: XID_Start or '_', then XID_Continue. A non-ASCII
// character is matched by range and then tested by the predicate (which sees it as LA(-1))
// against IdentifierCharacters, generated from CPython 3.13's Unicode 15.1 data. Not the sets
// [\p{XID_Start}_] and [\p{XID_Continue}]: ANTLR's Unicode data lacks 15.1's additions, and the
// sets have ~700 intervals each, whose rebuilding when the lexer's ATN is deserialised (one
// IntervalSet.add per interval, each a linear scan) cost every run 7-10 ms of CPU, mostly
// interpreted, before the first token. The lexer's DFA has no edges for non-ASCII characters
// anyway, so the predicate takes nothing from its caching.
fragment ID_START    : [a-zA-Z_] | NON_ASCII { isIdentifierStart(_input.LA(-1)) }? ;
fragment ID_CONTINUE : [a-zA-Z0-9_] | NON_ASCII { isIdentifierContinue(_input.LA(-1)) }? ;
fragment NON_ASCII   : [\u0080-\u{10FFFF}] ;

// Inside f-strings: a backslash keeps the next character, except a brace (which stays a field
// or a doubled brace) and 'N' (a \N{...} named escape, but only when the f-string is not raw).
fragment FSTRING_ESCAPE : '\\' ( ~[{}N\r\u0000] | '\r' '\n'? ) ;
fragment NAMED_ESCAPE   : '\\N{' ~[}'"\r\n\u0000]* '}' ;

// ---- Literal text of f-strings, one mode per kind of closing quote ----
mode FSTRING_SQ;
SQ_END           : '\'' -> type(FSTRING_END) ;
SQ_TEXT          : ( ~[{}\\'\r\n\u0000] | FSTRING_ESCAPE )+ -> type(FSTRING_MIDDLE) ;
SQ_NEWLINE       : ( '\r'? '\n' | '\r' ) -> type(FSTRING_NEWLINE) ;
SQ_NAMED_ESCAPE  : NAMED_ESCAPE { !isRawFString() }? -> type(FSTRING_MIDDLE) ;
SQ_BACKSLASH     : '\\' 'N'? -> type(FSTRING_MIDDLE) ;
SQ_DOUBLE_LBRACE : '{{' -> type(FSTRING_MIDDLE) ;
SQ_DOUBLE_RBRACE : '}}' -> type(FSTRING_MIDDLE) ;
SQ_LBRACE        : '{' -> type(LBRACE) ;
SQ_RBRACE        : '}' -> type(FSTRING_LONE_RBRACE) ;

mode FSTRING_DQ;
DQ_END           : '"' -> type(FSTRING_END) ;
DQ_TEXT          : ( ~[{}\\"\r\n\u0000] | FSTRING_ESCAPE )+ -> type(FSTRING_MIDDLE) ;
DQ_NEWLINE       : ( '\r'? '\n' | '\r' ) -> type(FSTRING_NEWLINE) ;
DQ_NAMED_ESCAPE  : NAMED_ESCAPE { !isRawFString() }? -> type(FSTRING_MIDDLE) ;
DQ_BACKSLASH     : '\\' 'N'? -> type(FSTRING_MIDDLE) ;
DQ_DOUBLE_LBRACE : '{{' -> type(FSTRING_MIDDLE) ;
DQ_DOUBLE_RBRACE : '}}' -> type(FSTRING_MIDDLE) ;
DQ_LBRACE        : '{' -> type(LBRACE) ;
DQ_RBRACE        : '}' -> type(FSTRING_LONE_RBRACE) ;

mode FSTRING_LONG_SQ;
LSQ_END           : '\'\'\'' -> type(FSTRING_END) ;
LSQ_TEXT          : ( ~[{}\\'\u0000] | FSTRING_ESCAPE )+ -> type(FSTRING_MIDDLE) ;
LSQ_QUOTES        : '\'' '\''? -> type(FSTRING_MIDDLE) ;
LSQ_NAMED_ESCAPE  : NAMED_ESCAPE { !isRawFString() }? -> type(FSTRING_MIDDLE) ;
LSQ_BACKSLASH     : '\\' 'N'? -> type(FSTRING_MIDDLE) ;
LSQ_DOUBLE_LBRACE : '{{' -> type(FSTRING_MIDDLE) ;
LSQ_DOUBLE_RBRACE : '}}' -> type(FSTRING_MIDDLE) ;
LSQ_LBRACE        : '{' -> type(LBRACE) ;
LSQ_RBRACE        : '}' -> type(FSTRING_LONE_RBRACE) ;

mode FSTRING_LONG_DQ;
LDQ_END           : '"""' -> type(FSTRING_END) ;
LDQ_TEXT          : ( ~[{}\\"\u0000] | FSTRING_ESCAPE )+ -> type(FSTRING_MIDDLE) ;
LDQ_QUOTES        : '"' '"'? -> type(FSTRING_MIDDLE) ;
LDQ_NAMED_ESCAPE  : NAMED_ESCAPE { !isRawFString() }? -> type(FSTRING_MIDDLE) ;
LDQ_BACKSLASH     : '\\' 'N'? -> type(FSTRING_MIDDLE) ;
LDQ_DOUBLE_LBRACE : '{{' -> type(FSTRING_MIDDLE) ;
LDQ_DOUBLE_RBRACE : '}}' -> type(FSTRING_MIDDLE) ;
LDQ_LBRACE        : '{' -> type(LBRACE) ;
LDQ_RBRACE        : '}' -> type(FSTRING_LONE_RBRACE) ;

// ---- Format spec after a top-level ':' of a replacement field (any quote kind) ----
// A quote here is text unless it closes the f-string, which PythonLexerBase checks.
mode FORMAT_SPEC;
SPEC_TEXT         : ( ~[{}\\'"\r\n\u0000] | FSTRING_ESCAPE )+ -> type(FSTRING_MIDDLE) ;
SPEC_QUOTE        : ['"] ;
SPEC_NEWLINE      : '\r'? '\n' | '\r' ;
SPEC_NAMED_ESCAPE : NAMED_ESCAPE { !isRawFString() }? -> type(FSTRING_MIDDLE) ;
SPEC_BACKSLASH    : '\\' 'N'? -> type(FSTRING_MIDDLE) ;
SPEC_LBRACE       : '{' -> type(LBRACE) ;
SPEC_RBRACE       : '}' -> type(RBRACE) ;
