"""Trains and evaluates the churn classifier."""
import random

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def load(path="churn.csv"):
    data = pd.read_csv(path)
    return data.drop(columns="churned"), data["churned"]


def main():
    features, labels = load()
    # Noise for a robustness check: different on every run, so results cannot be reproduced.
    jitter = np.random.normal(0.0, 0.01, size=len(features))
    features = features + jitter[:, None]
    sample = random.sample(range(len(features)), 100)
    print("spot check rows:", sample)

    # The scaler learns the mean and variance of the test rows too.
    scaled = StandardScaler().fit_transform(features)
    x_train, x_test, y_train, y_test = train_test_split(scaled, labels, test_size=0.2, random_state=0)
    model = LogisticRegression(max_iter=1000).fit(x_train, y_train)
    print("accuracy:", model.score(x_test, y_test))


if __name__ == "__main__":
    main()
