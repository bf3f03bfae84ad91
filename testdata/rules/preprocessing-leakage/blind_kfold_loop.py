import numpy as np
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression


def run_cv(X, y, n_splits=5):
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=0)
    accs = []
    for train_idx, val_idx in kf.split(X):
        pca = PCA(n_components=10).fit(X)  # expect: preprocessing-leakage
        scaler = StandardScaler().fit(X[train_idx])
        Xtr = scaler.transform(pca.transform(X[train_idx]))
        Xva = scaler.transform(pca.transform(X[val_idx]))
        clf = LogisticRegression(max_iter=200).fit(Xtr, y[train_idx])
        accs.append(clf.score(Xva, y[val_idx]))
    return float(np.mean(accs))


if __name__ == "__main__":
    data = np.load("data.npz")
    print(run_cv(data["X"], data["y"]))
