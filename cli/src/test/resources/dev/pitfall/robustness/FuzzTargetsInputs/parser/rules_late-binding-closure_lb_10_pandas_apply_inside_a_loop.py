# LB-10: pandas apply inside a loop (synchronous) (NEGATIVE, no finding) (from rule-cases.md)
import pandas as pd

df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
means = df.mean()
for col in ["a", "b"]:
    df[col] = df[col].apply(lambda v: v - means[col])
