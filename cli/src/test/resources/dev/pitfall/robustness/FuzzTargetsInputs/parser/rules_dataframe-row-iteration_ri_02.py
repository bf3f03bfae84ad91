# RI-02: itertuples loop (lower severity) (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"a": [1, 2]})
out = []
for rec in df.itertuples(index=False):  # expect: dataframe-row-iteration
    out.append(rec.a * 2)
