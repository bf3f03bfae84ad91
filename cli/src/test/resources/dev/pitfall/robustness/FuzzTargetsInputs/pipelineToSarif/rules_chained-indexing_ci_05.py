# CI-05: single loc assignment (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"age": [30, 70], "senior": [False, False]})
df.loc[df["age"] > 60, "senior"] = True
