"""Compare a few classifiers with 10-fold CV on the wine dataset."""
import argparse
import logging

import numpy as np
import pandas as pd
import sklearn.model_selection as ms
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline, Pipeline
from sklearn.preprocessing import StandardScaler as SS
from sklearn.svm import SVC
from sklearn.neighbors import KNeighborsClassifier

log = logging.getLogger(__name__)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="winequality-red.csv")
    p.add_argument("--folds", type=int, default=10)
    p.add_argument("--pca", type=int, default=0)
    return p.parse_args()


def load(path):
    df = pd.read_csv(path, sep=";")
    y = (df.pop("quality") >= 6).astype(int)
    return df, y


def main():
    args = parse_args()
    X, y = load(args.csv)

    # baseline: scale everything then cross-validate
    X_scaled = SS().fit_transform(X)  # expect: preprocessing-leakage
    if args.pca:
        X_scaled = PCA(n_components=args.pca).fit_transform(X_scaled)  # expect: preprocessing-leakage
    cv = ms.StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    for name, model in [("svc", SVC()), ("knn", KNeighborsClassifier(7))]:
        scores = ms.cross_val_score(model, X_scaled, y, cv=cv)
        log.info("%s: %.3f +- %.3f", name, scores.mean(), scores.std())

    # the right way
    pipe = make_pipeline(SS(), SVC(C=3.0))
    scores = ms.cross_val_score(pipe, X, y, cv=cv)
    print("pipeline svc", np.mean(scores))

    pipe2 = Pipeline([("scale", SS()), ("knn", KNeighborsClassifier())])
    grid = ms.GridSearchCV(pipe2, {"knn__n_neighbors": [3, 5, 7, 9]}, cv=cv)
    grid.fit(X, y)
    print(grid.best_params_, grid.best_score_)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
