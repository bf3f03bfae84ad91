# MD-05: list default behind an immutable annotation (POSITIVE, flag line 4) (from rule-cases.md)
from typing import Sequence


def pick_columns(frame, cols: Sequence[str] = ["age", "income"]):  # expect: mutable-default-argument
    return frame[list(cols)]
