# CI-15: container of DataFrames indexed then column assigned (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

train_df = pd.DataFrame({"x": [1]})
splits = {"train": train_df}
splits["train"]["label"] = 0
frames = [train_df]
frames[0]["weight"] = 1.0
