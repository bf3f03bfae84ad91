# RI-12: Series.apply / map (element-wise) (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"text": ["ab", "cde"]})
df["length"] = df["text"].apply(len)
df["upper"] = df["text"].map(str.upper)
