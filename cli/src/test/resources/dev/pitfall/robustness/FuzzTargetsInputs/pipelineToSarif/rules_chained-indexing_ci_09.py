# CI-09: inplace method on a selected column (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"age": [30.0, None]})
df["age"].fillna(df["age"].median(), inplace=True)  # expect: chained-indexing
