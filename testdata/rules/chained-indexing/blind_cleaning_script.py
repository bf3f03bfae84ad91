import numpy as np
import pandas as pd

COLS = ["age", "income", "score"]

df = pd.read_excel("survey.xlsx", sheet_name="raw")
df.columns = [c.lower().strip() for c in df.columns]

df.iloc[0]["age"] = 30  # expect: chained-indexing
df["income"].loc[df["income"] < 0] = 0  # expect: chained-indexing
df[COLS].fillna(0, inplace=True)  # expect: chained-indexing
df["gender"].replace({"m": "male", "f": "female"}, inplace=True)  # expect: chained-indexing
df["score"][df["score"] > 100] = 100  # expect: chained-indexing
df[df.age > 90]["age"] = 90  # expect: chained-indexing

# fine
df.loc[df["income"] < 0, "income"] = 0
df[COLS] = df[COLS].fillna(0)
df.iat[0, 0] = 30
df["gender"] = df["gender"].replace({"m": "male"})
first_score = df["score"].values[0]
median_first = df["score"].iloc[:10].median()
latest = df.loc[df.index[-1], "score"]

ages = df["age"]
youngest = ages[ages.idxmin()]

for _, person in df.head().iterrows():
    print(person["age"], person["income"])

sheets = pd.read_excel("survey.xlsx", sheet_name=None)
sheets["raw"]["age"] = 0
matrix = df[COLS].to_numpy()
matrix[0][1] = 0.0

second = df["age"][1]  # expect: chained-indexing
sub = df[["age", "score"]]["age"]  # expect: chained-indexing
