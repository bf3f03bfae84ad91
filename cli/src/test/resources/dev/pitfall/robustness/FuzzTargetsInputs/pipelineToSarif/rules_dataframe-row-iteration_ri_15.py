# RI-15: while loop walking rows by position (stretch) (POSITIVE, flag line 10)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd


def process(row):
    return row


df = pd.DataFrame({"a": [1, 2]})
i = 0
while i < len(df):  # expect: dataframe-row-iteration
    process(df.iloc[i])
    i += 1
