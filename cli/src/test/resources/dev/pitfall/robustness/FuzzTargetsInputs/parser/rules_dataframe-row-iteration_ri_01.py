# RI-01: iterrows in a for loop (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.read_csv("train.csv")
total = 0.0
for _, row in df.iterrows():  # expect: dataframe-row-iteration
    total += row["price"] * row["qty"]
