# LK-17: encoder with fixed categories before the split (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

df = pd.read_csv("d.csv")
enc = OneHotEncoder(categories=[["basic", "plus", "pro"]], handle_unknown="ignore")
plans = enc.fit_transform(df[["plan"]])
train, test = train_test_split(plans, random_state=0)
