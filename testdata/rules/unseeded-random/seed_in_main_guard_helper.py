# Own case: a training script whose seeds are set by a same-file helper called from the
# __main__ guard before main(); every draw below runs after it, so PF301 stays silent. The
# legacy numpy draws still get the PF302 note.
import random

import numpy as np
import torch
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_noise(n):
    return np.random.normal(size=n)  # expect: legacy-global-random


def train(X, y):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2)
    model = RandomForestClassifier(n_estimators=50)
    model.fit(X_tr, y_tr)
    return model.score(X_te, y_te)


def main():
    X = np.random.rand(100, 3) + make_noise(100)[:, None]  # expect: legacy-global-random
    y = (X[:, 0] > 0.5).astype(int)
    order = list(range(100))
    random.shuffle(order)
    init = torch.randn(3, 3)
    print(train(X[order], y[order]), init.sum())


if __name__ == "__main__":
    set_seed(42)
    main()
