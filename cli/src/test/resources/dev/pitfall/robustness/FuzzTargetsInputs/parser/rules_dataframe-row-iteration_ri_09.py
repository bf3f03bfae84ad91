# RI-09: iterating over columns (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"a": [1], "b": [2]})
for col in df.columns:
    df[col] = df[col].astype("float32")
