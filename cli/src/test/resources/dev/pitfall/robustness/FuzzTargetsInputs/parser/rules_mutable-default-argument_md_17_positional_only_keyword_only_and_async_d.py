# MD-17: positional-only, keyword-only and async defaults (POSITIVE, flag lines 4, 8) (from rule-cases.md)
import torch


def scale(x, /, factors=set()):  # expect: mutable-default-argument
    return [x * f for f in factors]


async def fetch(url, *, headers={}, bias=torch.zeros(3)):  # expect: mutable-default-argument, mutable-default-argument
    headers.setdefault("accept", "json")
    return url, headers, bias
