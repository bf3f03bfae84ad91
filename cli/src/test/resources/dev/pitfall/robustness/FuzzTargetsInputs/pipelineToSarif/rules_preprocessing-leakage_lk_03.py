# LK-03: refit on the test set (POSITIVE, flag line 8)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X = [[1.0], [2.0], [3.0], [4.0]]
X_tr, X_te = train_test_split(X, random_state=0)
scaler = StandardScaler()
X_tr_s = scaler.fit_transform(X_tr)
X_te_s = scaler.fit_transform(X_te)  # expect: preprocessing-leakage
