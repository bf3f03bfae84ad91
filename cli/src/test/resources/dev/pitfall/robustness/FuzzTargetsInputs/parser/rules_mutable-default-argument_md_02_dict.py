# MD-02: dict() call default (POSITIVE, flag line 1) (from rule-cases.md)
def make_vocab(tokens, counts=dict()):  # expect: mutable-default-argument
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
    return counts
