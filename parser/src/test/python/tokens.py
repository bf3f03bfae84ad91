"""Prints CPython's tokens for Python files, in the form PythonLexerOracleTest compares.

Usage: python3.13 tokens.py [--compile] LIST_FILE, where LIST_FILE names one file per line. For
each file it prints "== PATH", then one line per token "TYPE TEXT" (or "ERROR MESSAGE" if CPython
cannot tokenize it), then "== end". With --compile it prints instead, for each file that compile()
rejects, "COMPILE_ERROR LINE COLUMN MESSAGE" (tokenize is more lenient than the compiler, e.g. it
passes on invalid characters).

Normalisation, so that the output can be compared with our lexer token by token:
  * COMMENT, NL, ENCODING and ENDMARKER are left out (our lexer hides or does not emit them);
  * operators are named by their exact type (LPAR, NOTEQUAL, ...), as our lexer names them;
  * consecutive FSTRING_MIDDLE tokens are joined and empty ones dropped: CPython ends a middle
    at each doubled brace and keeps only one of the two braces, our lexer keeps the raw text;
  * NEWLINE, INDENT and DEDENT are printed without text.
TEXT escapes backslash, CR and LF as \\, \r and \n.
"""
import ast
import sys
import token
import tokenize

SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER}
WITHOUT_TEXT = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def print_tokens(path, out):
    try:
        with open(path, "rb") as source:
            tokens = list(tokenize.tokenize(source.readline))
    except (SyntaxError, tokenize.TokenError, UnicodeDecodeError, LookupError, ValueError) as error:
        out.write("ERROR " + escape(str(error)) + "\n")
        return
    middle = None
    for tok in tokens:
        if tok.type in SKIPPED:
            continue
        if tok.type == tokenize.FSTRING_MIDDLE:
            middle = (middle or "") + tok.string
            continue
        if middle:
            out.write("FSTRING_MIDDLE " + escape(middle) + "\n")
        middle = None
        text = "" if tok.type in WITHOUT_TEXT else tok.string
        out.write(token.tok_name[tok.exact_type] + " " + escape(text) + "\n")


def print_compile_error(path, out):
    with open(path, "rb") as source:
        data = source.read()
    try:
        compile(data, path, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as error:
        out.write("COMPILE_ERROR %s %s %s\n" % (error.lineno, error.offset, escape(error.msg)))
    except ValueError as error:
        out.write("COMPILE_ERROR None None %s\n" % escape(str(error)))


def main():
    sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
    compile_only = sys.argv[1] == "--compile"
    with open(sys.argv[-1], encoding="utf-8") as listing:
        paths = [line.rstrip("\n") for line in listing if line.strip()]
    for path in paths:
        sys.stdout.write("== " + path + "\n")
        if compile_only:
            print_compile_error(path, sys.stdout)
        else:
            print_tokens(path, sys.stdout)
        sys.stdout.write("== end\n")


if __name__ == "__main__":
    main()
