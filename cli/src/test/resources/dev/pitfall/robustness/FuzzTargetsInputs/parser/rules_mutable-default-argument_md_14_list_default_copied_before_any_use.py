# MD-14: list default copied before any use (POSITIVE, flag line 1) (from rule-cases.md)
def normalize(weights=[1.0, 1.0]):  # expect: mutable-default-argument
    weights = list(weights)
    total = sum(weights)
    return [w / total for w in weights]
