# RI-04: apply with axis='columns' (means row-wise) (POSITIVE, flag line 9)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd


def bmi(r):
    return r["w"] / r["h"] ** 2


df = pd.DataFrame({"h": [1.8], "w": [80.0]})
df["bmi"] = df.apply(bmi, axis="columns")  # expect: dataframe-row-iteration
