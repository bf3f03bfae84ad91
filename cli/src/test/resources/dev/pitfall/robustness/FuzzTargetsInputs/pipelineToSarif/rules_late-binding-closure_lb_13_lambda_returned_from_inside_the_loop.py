# LB-13: lambda returned from inside the loop (NEGATIVE, no finding) (from rule-cases.md)
def first_matcher(patterns, text):
    for p in patterns:
        if p in text:
            return lambda s: p in s
    return None
