# RI-10: iterating over groupby groups (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"user_id": [1, 1, 2], "v": [3, 4, 5]})
for key, grp in df.groupby("user_id"):
    print(key, len(grp))
