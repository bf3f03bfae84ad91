# Per-column transforms and model factories built in loops (realistic evaluation file).
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import FunctionTransformer

df = pd.read_csv("data.csv")
numeric = ["income", "age", "balance"]
caps = df[numeric].quantile(0.99)

# Fine: pandas calls the lambda right away.
for col in numeric:
    df[col + "_capped"] = df[col].apply(lambda v: min(v, caps[col]))
    df[col + "_rank"] = df.groupby("region")[col].transform(lambda s: s.rank(pct=True) * len(col))
    top = df.nlargest(5, col).pipe(lambda frame: frame[[col]])

# Broken: stored per column, all see the last column.
cappers = {}
for col in numeric:
    cappers[col] = lambda s: s.clip(upper=caps[col])  # expect: late-binding-closure

# Broken: FunctionTransformer keeps the function until transform time.
selectors = [
    (f"pick_{i}", FunctionTransformer(lambda X: X[:, [i]]), [i])  # expect: late-binding-closure
    for i in range(3)
]
ct = ColumnTransformer(selectors)

# Fine: default argument binds each column.
scalers = {c: (lambda s, c=c: s / caps[c]) for c in numeric}

# Fine: the closure is consumed by map/filter before the next iteration.
for threshold in (0.1, 0.5):
    kept = list(filter(lambda v: v > threshold, df["score"].tolist()))
    doubled = list(map(lambda v: v * threshold, kept))

# Broken: a dict comprehension of closures over the comprehension variable.
aggregators = {q: (lambda s: s.quantile(q)) for q in (0.25, 0.5, 0.75)}  # expect: late-binding-closure

summary = df[numeric].agg([fn for fn in aggregators.values()])


def report(frame):
    checks = []
    for name in frame.columns:
        checks.append(lambda: frame[name].isna().mean())  # expect: late-binding-closure
    return [c() for c in checks]
