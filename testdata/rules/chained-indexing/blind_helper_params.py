import pandas as pd


def fix_first_row(df: pd.DataFrame):
    df["value"][0] = 0  # expect: chained-indexing
    return df


def cap(frame, col, limit):
    frame[col][frame[col] > limit] = limit  # expect: chained-indexing
    return frame


def summarize(records):
    records["name"][0] = records["name"][0].title()
    return records


data = pd.read_parquet("metrics.parquet")
data = fix_first_row(data)
data = cap(data, "latency", 1000)
summarize({"name": ["alice"]})

first = data.dropna().reset_index(drop=True)["latency"][0]  # expect: chained-indexing
by_host = data.groupby("host")["latency"].mean()[0]
prefix = data["host"].str[0]
parts = data["host"].str.split(".").str[0]
flat = data[["latency"]].values[0][0]
tail = data["latency"].tail(5).iloc[0]
