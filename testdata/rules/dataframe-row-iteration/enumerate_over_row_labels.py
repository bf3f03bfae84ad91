# Row labels walked through enumerate: the counter or the label indexes one row per iteration.
import pandas as pd

df = pd.read_csv("scores.csv")
for rank, label in enumerate(df.index):  # expect: dataframe-row-iteration
    df.at[label, "rank"] = rank
for n, _ in enumerate(df.index):  # expect: dataframe-row-iteration
    print(df.iloc[n]["name"])
for n, column in enumerate(df.columns):
    print(n, df[column].dtype)
names = ["a", "b"]
for i, name in enumerate(names):
    print(i, name)
