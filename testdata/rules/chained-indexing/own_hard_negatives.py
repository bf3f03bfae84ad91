# Code that indexes twice but is not chained indexing on a DataFrame: no line may be reported.
import json

import numpy as np
import pandas as pd

df = pd.read_csv("train.csv")

# Python containers, including containers of DataFrames.
data = {"x": [1, 2, 3]}
data["x"][0] = 10
folds = {"train": df, "valid": df.copy()}
folds["train"]["fold"] = 0
frames = [df, df.copy()]
frames[1]["weight"] = 1.0
with open("config.json") as handle:
    config = json.load(handle)
config["model"]["lr"] = 0.01

# numpy arrays.
X = df[["a", "b"]].to_numpy()
X[0][1] = 5.0
mask = X[:, 0] > 0
first_column = X[:, 0][mask]
df.values[0][1] = 2

# One-step selections and reads that are not two plain subscripts.
df.loc[df["a"] > 0, "b"] = 1
df.loc[0, "a"] = 2
df.at[0, "a"] = 3
df.iat[0, 1] = 4
last = df["a"].iloc[-1]
first_row_a = df.loc[0]["a"]
initials = df["name"].str[0]
values = df["a"].values[0]
label = df.index[0]
kind = df.dtypes["a"]

# A row Series: row["name"] is one value, and [0] its first character.
for _, row in df.iterrows():
    initial = row["name"][0]
    row["name"] = initial

# An explicit copy, then changes to the copy.
adults = df[df["age"] >= 18].copy()
adults["group"] = "adult"
subset = df[["a", "b"]].copy()
subset.fillna(0, inplace=True)

# In-place methods on the frame itself.
df.fillna(0, inplace=True)
df.drop(columns=["b"], inplace=True)

# A Series variable: the chain does not start at a DataFrame (s[k] is usually one value).
units = df["units"]
top = units[units > 100][:5]
labels = pd.Series(["a", "b"])
labels[labels == "a"][0]

# read_html returns a list of DataFrames: tables[0] is a frame, ["rank"] a new column.
tables = pd.read_html("https://example.org/league.html")
tables[0]["rank"] = range(len(tables[0]))

# Reader options that return something else than one DataFrame.
sheets = pd.read_excel("book.xlsx", sheet_name=None)
sheets["Summary"]["checked"] = True
for chunk in pd.read_csv("big.csv", chunksize=10_000):
    chunk["part"] = 1

# read_pickle returns whatever was pickled: here a dict of splits.
splits = pd.read_pickle("splits.pkl")
splits["train"]["label"] = 0
