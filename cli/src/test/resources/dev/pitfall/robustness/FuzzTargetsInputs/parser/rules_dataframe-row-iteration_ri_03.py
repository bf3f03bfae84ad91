# RI-03: apply with axis=1 (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"h": [1.8], "w": [80.0]})
df["bmi"] = df.apply(lambda r: r["w"] / r["h"] ** 2, axis=1)  # expect: dataframe-row-iteration
