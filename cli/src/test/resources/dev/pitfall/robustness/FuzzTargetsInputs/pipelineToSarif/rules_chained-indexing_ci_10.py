# CI-10: iloc row then column assignment (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"price": [1.0, 2.0]})
df.iloc[0]["price"] = 99.0  # expect: chained-indexing
