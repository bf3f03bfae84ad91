"""Generates expected Python reprs for AstDumpReprTest from CPython 3.13 itself.

Run with CPython 3.13 from the repository root:
    $(pyenv prefix 3.13.0)/bin/python3 parser/tools/generate_repr_cases.py
float-reprs.txt: IEEE bits (hex), repr(float), repr(complex(0, float)).
str-reprs.txt: code points (hex, comma-separated), then repr(str) (UTF-8).
"""
import math
import pathlib
import random
import struct
import sys

assert sys.version_info[:2] == (3, 13), "generate from CPython 3.13"

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/dev/pitfall/ast"
rng = random.Random(20261121)


def floats():
    values = [0.0, 1.0, 0.1, 0.5, 1.5e-7, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 123456789012345678.0,
              5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 54, 2.0 ** -1074 * 3,
              1e22, 1e23, 9.999999999999999e22, 0.3, 2.675, 1 / 3, math.pi, math.e, 100.0, 1e100, 1e-100,
              4.35, 0.000123, 12345.678, 1234567890123456.7, float("inf")]
    values += [2.0 ** k for k in range(-1074, 1024, 7)]
    values += [10.0 ** k for k in range(-323, 309)]
    for _ in range(1500):
        bits = rng.getrandbits(63)
        value = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(value):
            values.append(value)
    for _ in range(1500):
        values.append(round(rng.uniform(0, 10 ** rng.randint(0, 20)), rng.randint(0, 17)))
        values.append(rng.uniform(0, 1) * 10.0 ** rng.randint(-30, 30))
    return values


def strings():
    cases = [[0x27], [0x22], [0x27, 0x22], [0x5C], [0x9, 0xA, 0xD, 0x0, 0x1F, 0x7F, 0x80, 0xA0, 0xAD, 0xFF],
             [0xD800], [0xDFFF], [0x2028], [0x3000], [0xFEFF], [0xE000], [0x10FFFF], [0x1F600], [0x200B], [0x20]]
    for _ in range(400):
        length = rng.randint(1, 6)
        cases.append([rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FF), rng.randint(0x300, 0xFFFF),
                                  rng.randint(0x10000, 0x10FFFF), rng.randint(0x2EB00, 0x2EE70)])
                      for _ in range(length)])
    # Escaped surrogate pairs, which a Java String would read as one character (PyConstant.SurrogateStr).
    cases += [[0xD834, 0xDD1E], [0x5B, 0xD800, 0xDC80, 0x5D], [0xD83D, 0xDE00, 0x27]]
    return cases


def main():
    with open(OUT / "float-reprs.txt", "w") as out:
        for value in floats():
            bits = struct.unpack("<Q", struct.pack("<d", value))[0]
            out.write(f"{bits:016x} {value!r} {complex(0, value)!r}\n")
    with open(OUT / "str-reprs.txt", "w", encoding="utf-8", errors="strict") as out:
        for case in strings():
            text = "".join(map(chr, case))
            out.write(",".join(f"{c:x}" for c in case) + "\t" + repr(text) + "\n")


if __name__ == "__main__":
    main()
