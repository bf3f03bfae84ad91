# Own case: the features are copied out of the frame before a statistic is written into it, so
# the split data never holds the statistic: silent. The frame itself, split afterwards, does.
import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("houses.csv")
features = df[["rooms", "area"]]
df["price"] = df["price"].fillna(df["price"].median())  # expect: preprocessing-leakage
f_train, f_test = train_test_split(features, random_state=0)
d_train, d_test = train_test_split(df, random_state=0)
