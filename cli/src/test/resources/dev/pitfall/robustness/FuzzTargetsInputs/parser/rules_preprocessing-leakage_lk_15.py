# LK-15: manual K-fold with per-fold fitting (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler

X = np.arange(40, dtype=float).reshape(20, 2)
y = np.arange(20, dtype=float)
for tr_idx, va_idx in KFold(n_splits=4, shuffle=True, random_state=0).split(X):
    scaler = StandardScaler().fit(X[tr_idx])
    model = Ridge().fit(scaler.transform(X[tr_idx]), y[tr_idx])
    print(model.score(scaler.transform(X[va_idx]), y[va_idx]))
