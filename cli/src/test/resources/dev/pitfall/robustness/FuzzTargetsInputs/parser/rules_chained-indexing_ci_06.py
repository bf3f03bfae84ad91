# CI-06: chained read (severity note) (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"price": [1.0, 2.0]})
first = df["price"][0]  # expect: chained-indexing
