# CI-12: attribute-style column then mask assignment (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"price": [-1.0, 2.0]})
df.price[df.price < 0] = 0.0  # expect: chained-indexing
