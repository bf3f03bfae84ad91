# Own case: scikit-learn callables that take random_state, and whether they really draw.
from sklearn.cluster import KMeans
from sklearn.datasets import make_classification
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import Lasso, LogisticRegression, Ridge
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

SEED = 13
X, y = make_classification(n_samples=200)  # expect: unseeded-random
saga = LogisticRegression(solver="saga", max_iter=500)  # expect: unseeded-random
plain = LogisticRegression(C=0.5)
svc = SVC(kernel="rbf")
svc_proba = SVC(probability=True)  # expect: unseeded-random
lasso = Lasso(alpha=0.1)
lasso_random = Lasso(alpha=0.1, selection="random")  # expect: unseeded-random
ridge = Ridge(alpha=1.0, solver="auto")
pca = PCA(n_components=2)
randomized = PCA(n_components=2, svd_solver="randomized")  # expect: unseeded-random
svd = TruncatedSVD(n_components=5)  # expect: unseeded-random
km = KMeans(n_clusters=3)  # expect: unseeded-random
gb = GradientBoostingClassifier(random_state=SEED)
tree = DecisionTreeClassifier(random_state=None)  # expect: unseeded-random
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
params = {"n_estimators": 10, "random_state": SEED}
forest = RandomForestClassifier(**params)


def split(shuffle_flag):
    return train_test_split(X, y, shuffle=shuffle_flag)


scores = cross_val_score(gb, X, y, cv=cv)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y)  # expect: unseeded-random

import pandas as pd

frame = pd.read_csv("rows.csv")
shuffled = frame.sample(frac=1.0)  # expect: unseeded-random
reproducible = frame.sample(frac=1.0, random_state=SEED)
column_sample = frame["a"].sample(5)  # expect: unseeded-random
frame.sample(5)
