# CI-14: scalar setters at/iat (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"price": [1.0, 2.0]})
df.at[0, "price"] = 3.0
df.iat[1, 0] = 4.0
