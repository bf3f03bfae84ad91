# MD-11: keyword-only mutable default (POSITIVE, flag line 1) (from rule-cases.md)
def fit(X, *, history={}):  # expect: mutable-default-argument
    history["n"] = len(X)
    return history
