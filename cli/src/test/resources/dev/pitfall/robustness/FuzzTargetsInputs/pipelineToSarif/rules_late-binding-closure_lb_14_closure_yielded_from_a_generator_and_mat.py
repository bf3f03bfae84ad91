# LB-14: closure yielded from a generator and materialised (POSITIVE, flag line 3) (from rule-cases.md)
def make_filters(names):
    for n in names:
        yield lambda row: row["name"] == n  # expect: late-binding-closure


filters = list(make_filters(["a", "b"]))
