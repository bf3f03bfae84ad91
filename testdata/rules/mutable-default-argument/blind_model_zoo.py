import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

CONFIG = {"lr": 0.01, "epochs": 10}
LAYERS = (64, 32)
EMPTY_DF = pd.DataFrame()
STOPWORDS = frozenset(["a", "the"])


def train(model, data, cfg=CONFIG):  # expect: mutable-default-argument
    cfg["epochs"] += 1
    return model


def mlp(sizes=LAYERS, activation="relu"):
    return sizes, activation


def concat(frames, base=EMPTY_DF):  # expect: mutable-default-argument
    return pd.concat([base] + frames)


def tokenize(text, stop=STOPWORDS):
    return [w for w in text.split() if w not in stop]


def fit_forest(X, y, params={"n_estimators": 100, "random_state": 0}):  # expect: mutable-default-argument
    return RandomForestClassifier(**params).fit(X, y)


class Registry:
    @staticmethod
    def register(name, table=[]):  # expect: mutable-default-argument
        table.append(name)
        return table

    @classmethod
    def build(cls, names=[n for n in "xyz"]):  # expect: mutable-default-argument
        return [cls.register(n) for n in names]


add_feature = lambda df, feats=set(): feats.update(df.columns) or feats  # expect: mutable-default-argument


def pad(seq, length=10, value=0, out=np.empty(0)):  # expect: mutable-default-argument
    return np.pad(seq, (0, length - len(seq)), constant_values=value)
