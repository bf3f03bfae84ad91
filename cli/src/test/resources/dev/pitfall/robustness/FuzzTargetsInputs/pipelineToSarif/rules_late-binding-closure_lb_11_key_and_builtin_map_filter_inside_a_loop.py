# LB-11: key= and builtin map/filter inside a loop (NEGATIVE, no finding) (from rule-cases.md)
scores = {"a": [3, 1], "b": [2, 5]}
for metric, values in scores.items():
    best = max(values, key=lambda v: abs(v - len(metric)))
    doubled = list(map(lambda v: v * len(metric), values))
