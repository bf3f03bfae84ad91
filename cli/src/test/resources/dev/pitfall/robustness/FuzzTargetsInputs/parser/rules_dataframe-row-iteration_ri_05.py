# RI-05: apply along the default axis (per column) (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
ranges = df.apply(lambda col: col.max() - col.min())
