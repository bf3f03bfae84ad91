# CI-04: column then mask assignment (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"age": [30, 70], "senior": [False, False]})
df["senior"][df["age"] > 60] = True  # expect: chained-indexing
