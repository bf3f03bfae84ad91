# RI-11: iterrows inside a comprehension (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"label": ["x", "y"]})
labels = [r.label for _, r in df.iterrows()]  # expect: dataframe-row-iteration
