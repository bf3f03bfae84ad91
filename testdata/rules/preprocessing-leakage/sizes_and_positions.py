# Own case: numbers named after the test part, and statistics used as positions, hold no rows.
# A sample made with n_samples=n_train + n_test and cut at n_train is not fitted on test data;
# a count used as a slice bound applies no statistic to the rows (both reported before; found
# in scikit-learn's own tests and its vendored lobpcg). The leak beside them is still reported.
import numpy as np
import pandas as pd
from sklearn.datasets import make_classification
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

n_train, n_test = 1_000, 200
X, y = make_classification(n_samples=n_train + n_test, random_state=0)
X_fit, X_held_out = X[:n_train], X[n_train:]
scaler = StandardScaler().fit(X_fit)
print(scaler.transform(X_held_out).shape)

test_fraction = 0.25
n_rows = len(X)
n_test_rows = int(n_rows * test_fraction)
pca = PCA(2).fit(X[: n_rows - n_test_rows])
print(pca.transform(X[n_rows - n_test_rows :]).shape)


def refine(block, steps):
    n, size = block.shape
    mask = np.ones((size,), dtype=bool)
    for _ in range(steps):
        active = mask.sum()
        _, vectors = np.linalg.eigh(block.T @ block)
        x_part = vectors[:size]
        r_part = vectors[size : size + active]
        update = r_part @ r_part.T
        r_part = vectors[(size) :, :]
        block = block @ x_part + update
    return block


frame = pd.read_csv("sensors.csv")
frame["reading"] = frame["reading"].fillna(frame["reading"].mean())  # expect: preprocessing-leakage
train_frame, test_frame = train_test_split(frame, random_state=0)
print(refine(train_frame.to_numpy(), 3))
