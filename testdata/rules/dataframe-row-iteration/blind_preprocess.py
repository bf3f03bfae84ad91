import re
import pandas as pd
import numpy as np
from tqdm import tqdm

tqdm.pandas()


def clean_text(s):
    s = re.sub(r"http\S+", "", s.lower())
    return re.sub(r"[^a-z ]", " ", s).strip()


def build_vocab(df):
    vocab = {}
    for _, r in df.iterrows():  # expect: dataframe-row-iteration
        for tok in r["clean"].split():
            vocab[tok] = vocab.get(tok, 0) + 1
    return vocab


reviews = pd.read_json("reviews.jsonl", lines=True)
reviews["clean"] = reviews["text"].apply(clean_text)
reviews["n_words"] = reviews["clean"].map(lambda s: len(s.split()))
reviews["score_text"] = reviews.apply(lambda r: f"{r['stars']} {r['clean']}", axis=1)  # expect: dataframe-row-iteration
reviews["long"] = reviews.progress_apply(lambda r: r["n_words"] > 100 and r["stars"] < 3, axis="columns")  # expect: dataframe-row-iteration

vocab = build_vocab(reviews)

users = reviews.groupby("user_id")
for uid, grp in users:
    print(uid, len(grp))

for col in reviews.columns:
    print(col, reviews[col].dtype)

rows = [(r.user_id, r.stars) for r in reviews.itertuples()]  # expect: dataframe-row-iteration

labels = []
for i in range(len(reviews)):  # expect: dataframe-row-iteration
    labels.append(1 if reviews.loc[i, "stars"] >= 4 else 0)
reviews["label"] = labels

numeric = reviews[["stars", "n_words"]]
col_means = numeric.apply(np.mean)
normed = numeric.apply(lambda c: (c - c.mean()) / c.std())

sentences = reviews["clean"].tolist()
for i in range(len(sentences)):
    sentences[i] = sentences[i][:512]
