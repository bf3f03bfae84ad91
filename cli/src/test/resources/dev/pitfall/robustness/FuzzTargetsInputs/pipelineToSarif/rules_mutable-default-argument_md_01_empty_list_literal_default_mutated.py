# MD-01: empty list literal default, mutated (POSITIVE, flag line 1) (from rule-cases.md)
def collect(batch, seen=[]):  # expect: mutable-default-argument
    seen.append(batch)
    return seen
