"""Writes the expected results for ParserCasesTest from CPython 3.13 itself.

Usage: python3.13 parser_cases.py parser-cases.py.txt > parser-cases.expected.txt
Each case in the input starts with a line '### name'; the output repeats the name and gives
ast.dump(ast.parse(source), include_attributes=True), or 'SyntaxError: LINE:COL: MESSAGE'.
"""
import ast
import sys


def cases(text):
    name, lines = None, []
    for line in text.split('\n'):
        if line.startswith('### '):
            if name is not None:
                yield name, '\n'.join(lines) + '\n'
            name, lines = line[4:], []
        else:
            lines.append(line)
    if name is not None:
        yield name, '\n'.join(lines).rstrip('\n') + '\n'


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        text = f.read().replace('\\x0c', '\x0c')
    out = sys.stdout
    for name, source in cases(text):
        try:
            result = ast.dump(ast.parse(source), include_attributes=True)
        except SyntaxError as e:
            result = 'SyntaxError: %s:%s: %s' % (e.lineno, e.offset, e.msg)
        out.write('### %s\n%s\n' % (name, result))


if __name__ == '__main__':
    main()
