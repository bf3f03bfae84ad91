# Own case: valid Python 3.13 that older parsers reject or that looks like a mistake. No line
# may be reported: soft keywords as names, PEP 695 generics, PEP 701 f-strings, except*,
# parenthesised context managers, positional-only parameters and a backslash continuation.
import contextlib

match = {"type": "csv", "case": 1}
type = match["type"]
case = match["case"]

match match:
    case {"type": "csv", **rest}:
        print(rest)
    case [first, *_] if first:
        print(first)
    case _:
        pass

type Pair[T] = tuple[T, T]


class Box[T]:
    def __init__(self, item: T, /, *, label: str = "") -> None:
        self.item = item
        self.label = label


def first[T](items: list[T]) -> T:
    return items[0]


names = ["a", "b"]
print(f"{", ".join(names)}: {f"{len(names):>{4}}"}")
print(f"{'nested' + f'{1 + 1!r:>3}'}")
if (n := len(names)) > 1:
    total = n + \
        1

with (
    contextlib.suppress(KeyError) as first_guard,
    contextlib.nullcontext() as second_guard,
):
    pass

try:
    raise ExceptionGroup("many", [ValueError(1)])
except* ValueError:
    pass
print(*names, sep="", end="\n")
