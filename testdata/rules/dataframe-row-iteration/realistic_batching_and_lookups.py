# Batch inference over a DataFrame and per-row lookups (realistic evaluation file).
import numpy as np
import pandas as pd
from tqdm import trange


class Scorer:
    def __init__(self, path):
        self.df = pd.read_parquet(path)
        self.cache = {}

    def warm(self):
        for r in self.df.itertuples():  # expect: dataframe-row-iteration
            self.cache[r.id] = r.score

    def score_batches(self, model, batch_size=1024):
        outputs = []
        for start in range(0, len(self.df), batch_size):
            chunk = self.df.iloc[start:start + batch_size]
            outputs.append(model.predict(chunk.to_numpy()))
        return np.concatenate(outputs)


def label_rows(df: pd.DataFrame) -> pd.DataFrame:
    labels = []
    for i in trange(len(df)):  # expect: dataframe-row-iteration
        labels.append("pos" if df["score"].iloc[i] > 0.5 else "neg")
    df["label"] = labels
    return df


def running_total(df):
    totals = []
    i = 0
    while i < len(df):  # expect: dataframe-row-iteration
        totals.append(df.iloc[i]["amount"] + (totals[-1] if totals else 0))
        i += 1
    return totals


def fast_paths(df: pd.DataFrame) -> pd.DataFrame:
    df["label"] = np.where(df["score"] > 0.5, "pos", "neg")
    df["total"] = df["amount"].cumsum()
    records = df.to_dict("records")
    ids = [rec["id"] for rec in records]
    for i in range(0, len(ids), 100):
        print(ids[i:i + 100])
    for start in range(0, df.shape[0], 256):
        block = df.iloc[start:start + 256]
        print(block["amount"].sum())
    return df
