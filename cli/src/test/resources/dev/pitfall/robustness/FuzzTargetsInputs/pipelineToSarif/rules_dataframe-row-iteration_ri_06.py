# RI-06: range(len(df)) with iloc (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.read_parquet("scores.parquet")
flags = []
for i in range(len(df)):  # expect: dataframe-row-iteration
    flags.append(df.iloc[i]["score"] > 0.5)
