# RI-07: range(df.shape[0]) with loc (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"x": [1, 2, 3]})
df["z"] = 0
for i in range(df.shape[0]):  # expect: dataframe-row-iteration
    df.loc[i, "z"] = df.loc[i, "x"] + 1
