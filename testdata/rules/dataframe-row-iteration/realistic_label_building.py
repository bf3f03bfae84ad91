# Building labels and features from event logs (realistic evaluation file): harder spellings.
import numpy as np
import pandas as pd
from pandarallel import pandarallel

pandarallel.initialize(progress_bar=False)


def load_events(path: str) -> pd.DataFrame:
    events = pd.read_csv(path, parse_dates=["ts"])
    return events.sort_values(["user_id", "ts"]).reset_index(drop=True)


events = load_events("events.csv")
users = pd.read_csv("users.csv")

# Row loops through the index and positional access.
for i in range(events.shape[0]):  # expect: dataframe-row-iteration
    if events.iloc[i]["type"] == "purchase":
        events.iloc[i, events.columns.get_loc("label")] = 1

for i in range(len(users)):  # expect: dataframe-row-iteration
    users.at[i, "name_len"] = len(users["name"][i])

for idx in users.index:  # expect: dataframe-row-iteration
    users.loc[idx, "segment"] = "vip" if users.loc[idx, "spend"] > 1000 else "regular"

users["score"] = users.parallel_apply(lambda r: r["spend"] / max(r["visits"], 1), axis=1)  # expect: dataframe-row-iteration
users[["first", "last"]] = users.apply(lambda r: pd.Series(r["name"].split(" ", 1)), axis=1, result_type="expand")  # expect: dataframe-row-iteration
feature_rows = [dict(r._asdict()) for r in users.itertuples()]  # expect: dataframe-row-iteration

# Not row loops.
n = len(events)
labels = np.zeros(n, dtype=int)
for i in range(n):
    labels[i] = i % 2
for user_id in users["user_id"].unique():
    print(user_id)
for name, dtype in users.dtypes.items():
    print(name, dtype)
for col in users.select_dtypes("number").columns:
    users[col] = users[col].fillna(users[col].median())
for chunk in pd.read_csv("events.csv", chunksize=100_000):
    print(chunk.shape)
for values in users[["spend", "visits"]].to_numpy():
    print(values.sum())
spend_per_visit = users.apply(np.sum)
users["domain"] = users["email"].apply(lambda e: e.split("@")[-1])
normalized = users[["spend", "visits"]].apply(lambda col: (col - col.mean()) / col.std(), axis=0)
for user_id, group in events.groupby("user_id"):
    first = group.iloc[0]
    print(user_id, first["ts"])
for i, day in enumerate(sorted(events["ts"].dt.date.unique())):
    print(i, day)
