# RI-16: range(len(df)) with .at/.iat (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"a": [1, 2]})
df["b"] = 0
for i in range(len(df)):  # expect: dataframe-row-iteration
    df.at[i, "b"] = df.iat[i, 0] * 2
