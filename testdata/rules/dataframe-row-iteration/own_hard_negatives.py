# Loops and apply calls that look like row iteration but are not: no line may be reported.
import json

import numpy as np
import pandas as pd

df = pd.read_csv("train.csv")

# Plain Python containers walked by position.
data = {"x": [1, 2, 3], "y": [4, 5, 6]}
for i in range(len(data["x"])):
    data["y"][i] = data["x"][i] * 2
with open("config.json") as handle:
    config = json.load(handle)
for i in range(len(config)):
    print(config[i])

# A numpy 2-D array walked by row.
grid = np.zeros((4, 3))
for i in range(grid.shape[0]):
    grid[i, 0] = i

# A list of DataFrames: one iteration per frame.
frames = [df, df.copy()]
for i in range(len(frames)):
    print(frames[i].iloc[0])
for frame in frames:
    frame["fold"] = 0

# Columns, groups and column values.
for col in df.columns:
    df[col] = df[col].fillna(0)
for name, column in df.items():
    print(name, column.mean())
for key, group in df.groupby("user_id"):
    print(key, len(group))
for a, b in zip(df["a"], df["b"]):
    print(a + b)
for i in range(len(df.columns)):
    print(df.iloc[:, i].mean())

# Batches of rows, not single rows.
for start in range(0, len(df), 256):
    batch = df.iloc[start:start + 256]
    print(batch.shape)

# A counter that never indexes the frame by row.
for i in range(len(df)):
    print(i)

# Element-wise and per-column apply.
df["len"] = df["text"].apply(len)
df["upper"] = df["text"].map(str.upper)
ranges = df.apply(lambda col: col.max() - col.min())
spread = df.apply(np.ptp, axis=0)
spread_too = df.apply(np.ptp, axis="index")
per_user = df.groupby("user_id").apply(lambda g: g["v"].sum())
smooth = df.rolling(3).apply(np.mean, raw=True)

# Styling the rendered table row by row is what Styler.apply(axis=1) is for.
styled = df.style.apply(lambda r: ["font-weight: bold" if r.total > 0 else ""] * len(r), axis=1)
styled_twice = df.style.format("{:.2f}").apply(lambda r: [""] * len(r), axis="columns")

# One peek, not a loop.
first_index, first_row = next(df.iterrows())

# A Series walked by position is element iteration on one column, not a DataFrame row loop.
scores = df["score"]
for i in range(len(scores)):
    print(scores.iloc[i])


# A class of our own that happens to name a method iterrows.
class Sheet:
    def iterrows(self):
        return iter([])


sheet = Sheet()
for cells in sheet.iterrows():
    print(cells)

names = ["a", "b"]
j = 0
while j < len(names):
    print(names[j])
    j += 1


# An object of unknown kind walked by position through an attribute: a torch-style dataset.
def count_positives(dataset):
    positives = 0
    for i in range(len(dataset)):
        positives += dataset.targets[i] > 0
    return positives


def labels_of(frame: pd.DataFrame):
    # Index labels and raw values are read by position, but no row of the frame is indexed.
    names = []
    for i in range(len(frame)):
        names.append(frame.index[i])
    return names
