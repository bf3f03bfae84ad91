# CI-02: boolean mask then column assignment (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"age": [30, 70], "senior": [False, False]})
df[df["age"] > 60]["senior"] = True  # expect: chained-indexing
