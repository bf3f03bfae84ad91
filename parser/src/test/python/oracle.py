"""CPython 3.13 as the oracle for pitfall's parser.

Two uses:

    python3 oracle.py corpus OUT.jsonl.gz [LIBDIR]
        Every .py file under LIBDIR (default: this interpreter's standard library, site-packages
        excluded), sorted by relative path, as one gzipped JSON object per line:
        {"path", "lines", "accepted", "error", "dump"}. "accepted" is whether compile() accepts
        the file's bytes; "dump" is ast.dump(ast.parse(bytes), include_attributes=True) for
        accepted files; "error" is "LINE:COL: MESSAGE" for rejected ones. CPythonConformanceTest
        runs this once per test run.

    python3 oracle.py dump FILE...
        For each file, a line "== FILE" and then the dump, or "SyntaxError: LINE:COL: MESSAGE":
        the same layout as `bin/pitfall debug ast FILE...`, so the two outputs can be diffed.
"""
import ast
import gzip
import json
import pathlib
import sys
import sysconfig
import warnings

if sys.version_info[:2] != (3, 13):
    sys.exit(f"oracle.py needs CPython 3.13, this is {sys.version.split()[0]}")


def judge(source, filename):
    """(accepted, error, dump) for the bytes of one file, exactly as CPython sees them."""
    with warnings.catch_warnings():
        # Invalid escape sequences and the like warn; they are not errors.
        warnings.simplefilter("ignore")
        try:
            # Parsing once and compiling the tree finds the same errors as compile(source): the
            # parser's, then the compiler's (misplaced __future__ imports, 'return' outside a function...).
            tree = ast.parse(source, filename)
            compile(tree, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            return False, describe(error), None
        return True, None, ast.dump(tree, include_attributes=True)


def describe(error):
    if isinstance(error, SyntaxError):
        return f"{error.lineno or 0}:{error.offset or 0}: {error.msg}"
    return f"0:0: {type(error).__name__}: {error}"


def count_lines(source):
    return source.count(b"\n") + (1 if source and not source.endswith(b"\n") else 0)


def corpus_files(libdir):
    for path in sorted(libdir.rglob("*.py"), key=lambda p: p.relative_to(libdir).as_posix()):
        relative = path.relative_to(libdir)
        if relative.parts[0] != "site-packages" and path.is_file():
            yield relative.as_posix(), path


def write_corpus(out, libdir):
    count = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as sink:
        for relative, path in corpus_files(libdir):
            source = path.read_bytes()
            accepted, error, dump = judge(source, str(path))
            record = {"path": relative, "lines": count_lines(source), "accepted": accepted,
                      "error": error, "dump": dump}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"oracle: {count} files from {libdir}", file=sys.stderr)


def print_dumps(files):
    for name in files:
        print(f"== {name}")
        accepted, error, dump = judge(pathlib.Path(name).read_bytes(), name)
        print(dump if accepted else f"SyntaxError: {error}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "corpus":
        libdir = pathlib.Path(argv[2]) if len(argv) > 2 else pathlib.Path(sysconfig.get_paths()["stdlib"])
        write_corpus(pathlib.Path(argv[1]), libdir)
    elif len(argv) >= 2 and argv[0] == "dump":
        print_dumps(argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
