"""Prints CPython 3.13's verdict on every example of its own Lib/test/test_syntax.py doctests.

Output, one JSON object per line: {"source": ..., "error": null | [line, column, message]}.
ast.parse is the reference: errors that only the compiler reports are not parse errors.
"""
import ast
import doctest
import json
import os
import sys
import warnings

path = os.path.join(os.path.dirname(os.__file__), 'test', 'test_syntax.py')
with open(path, encoding='utf-8') as f:
    text = f.read()
doc = text[text.index('"""') + 3:]
doc = doc[:doc.index('"""')]
warnings.simplefilter('ignore')
for example in doctest.DocTestParser().get_examples(doc):
    source = example.source
    try:
        ast.parse(source)
        error = None
    except SyntaxError as e:
        error = [e.lineno, e.offset, e.msg]
    sys.stdout.write(json.dumps({'source': source, 'error': error}) + '\n')
