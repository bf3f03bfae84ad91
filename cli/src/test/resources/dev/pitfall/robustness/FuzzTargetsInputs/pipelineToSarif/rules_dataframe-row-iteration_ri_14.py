# RI-14: single-row peek with next() (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"a": [1, 2]})
first_index, first_row = next(df.iterrows())
