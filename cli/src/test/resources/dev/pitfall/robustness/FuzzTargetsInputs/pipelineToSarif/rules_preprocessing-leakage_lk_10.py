# LK-10: pandas statistic used to fill before the split (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("d.csv")
df["age"] = df["age"].fillna(df["age"].mean())  # expect: preprocessing-leakage
train, test = train_test_split(df, random_state=0)
