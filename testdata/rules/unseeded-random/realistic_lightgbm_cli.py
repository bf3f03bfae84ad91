#!/usr/bin/env python
"""Train a tabular model from the command line (realistic evaluation file).

Nothing in this script seeds anything: every draw below is unreproducible.
"""
import argparse
import random

import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import GroupKFold, KFold, ShuffleSplit, TimeSeriesSplit, train_test_split


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--train", default="train.csv")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--model", choices=["rf", "et", "ridge"], default="rf")
    return p.parse_args()


def build_model(name):
    if name == "rf":
        return RandomForestRegressor(n_estimators=500, min_samples_leaf=3, n_jobs=-1)  # expect: unseeded-random
    if name == "et":
        return ExtraTreesRegressor(n_estimators=500)  # expect: unseeded-random
    return Ridge(alpha=1.0)


def main():
    args = get_args()
    df = pd.read_csv(args.train)
    features = [c for c in df.columns if c.startswith("f_")]
    random.shuffle(features)  # expect: unseeded-random
    X, y = df[features], df["target"]

    hold_X, hold_y = X.tail(1000), y.tail(1000)
    X_dev, X_val, y_dev, y_val = train_test_split(X, y, test_size=0.2)  # expect: unseeded-random
    X_a, X_b, y_a, y_b = train_test_split(X, y, test_size=0.2, shuffle=False)

    oof = np.zeros(len(X))
    kf = KFold(n_splits=args.folds, shuffle=True)  # expect: unseeded-random
    for fold, (tr, va) in enumerate(kf.split(X)):
        model = build_model(args.model)
        model.fit(X.iloc[tr], y.iloc[tr])
        oof[va] = model.predict(X.iloc[va])
    print("OOF RMSE", mean_squared_error(y, oof) ** 0.5)

    for tr, va in KFold(n_splits=args.folds).split(X):
        LinearRegression().fit(X.iloc[tr], y.iloc[tr])
    for tr, va in TimeSeriesSplit(n_splits=3).split(X):
        pass
    for tr, va in GroupKFold(n_splits=3).split(X, y, groups=df["group"]):
        pass
    ss = ShuffleSplit(n_splits=3, test_size=0.1)  # expect: unseeded-random
    noise = np.random.normal(0, 0.01, size=len(X))  # expect: unseeded-random
    jitter = random.random() * 0.1  # expect: unseeded-random
    print(ss, noise.mean(), jitter)


if __name__ == "__main__":
    main()
