import numpy as np
import pandas as pd
from sklearn.datasets import make_classification, make_blobs
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.utils import resample
from sklearn.model_selection import cross_val_score

X, y = make_classification(n_samples=500, n_features=8)  # expect: unseeded-random
Xb, yb = make_blobs(n_samples=200, centers=3, random_state=42)

lr = LogisticRegression(max_iter=500).fit(X, y)
lr_saga = LogisticRegression(solver="saga", max_iter=500).fit(X, y)  # expect: unseeded-random
mlp = MLPClassifier(hidden_layer_sizes=(32,), max_iter=300).fit(X, y)  # expect: unseeded-random
print(cross_val_score(lr, X, y, cv=5).mean())

imp = permutation_importance(mlp, X, y, n_repeats=10)  # expect: unseeded-random
Xr, yr = resample(X, y, n_samples=100)  # expect: unseeded-random
Xr2, yr2 = resample(X, y, n_samples=100, random_state=1)

frame = pd.DataFrame(X)
holdout = frame.sample(n=50)  # expect: unseeded-random
shuffled = frame.sample(frac=1.0, random_state=3)
