# A helper that fits on its parameter and then splits that same parameter leaks whatever its callers pass.
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.linear_model import Ridge


def evaluate(X, y):
    X = StandardScaler().fit_transform(X)  # expect: preprocessing-leakage
    return cross_val_score(Ridge(), X, y, cv=5)


def holdout(X, y):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
    sc = StandardScaler().fit(X_tr)
    return Ridge().fit(sc.transform(X_tr), y_tr).score(sc.transform(X_te), y_te)


def scale(X):
    return StandardScaler().fit_transform(X)

