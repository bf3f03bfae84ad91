"""Feature extraction + evaluation for the EEG experiments (paper section 4.2)."""
import os
import sys
from typing import Tuple

import numpy as np
from sklearn import decomposition, preprocessing as prep
from sklearn.model_selection import LeaveOneGroupOut, cross_validate, RepeatedStratifiedKFold
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.pipeline import Pipeline

CFG = dict(n_components=16, cv_repeats=3, data_dir=os.environ.get("EEG_DIR", "data"))


def load_subjects(data_dir: str) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    X = np.load(os.path.join(data_dir, "features.npy"))
    y = np.load(os.path.join(data_dir, "labels.npy"))
    groups = np.load(os.path.join(data_dir, "subjects.npy"))
    return X, y, groups


def standardize(X):
    return prep.StandardScaler().fit_transform(X)  # expect: preprocessing-leakage


def reduce(X, k):
    ica = decomposition.FastICA(n_components=k, random_state=0)
    return ica.fit_transform(X)  # expect: preprocessing-leakage


def evaluate(X, y, groups):
    logo = LeaveOneGroupOut()
    res = cross_validate(LinearDiscriminantAnalysis(), X, y, groups=groups, cv=logo)
    return res["test_score"]


def evaluate_pipeline(X, y):
    pipe = Pipeline([("scale", prep.StandardScaler()), ("pca", decomposition.PCA(CFG["n_components"])), ("lda", LinearDiscriminantAnalysis())])
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=CFG["cv_repeats"], random_state=0)
    return cross_validate(pipe, X, y, cv=cv)["test_score"]


if __name__ == "__main__":
    X, y, groups = load_subjects(CFG["data_dir"])
    Xs = standardize(X)
    Xr = reduce(Xs, CFG["n_components"])
    scores = evaluate(Xr, y, groups)
    print("LOSO acc: %.3f" % scores.mean(), file=sys.stderr)
    print("pipeline acc: %.3f" % evaluate_pipeline(X, y).mean())
