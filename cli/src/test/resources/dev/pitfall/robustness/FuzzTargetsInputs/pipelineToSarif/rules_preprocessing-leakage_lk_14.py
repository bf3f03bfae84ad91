# LK-14: fit hidden in a helper, called on the full data (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler


def prepare(frame):
    return MinMaxScaler().fit_transform(frame)  # expect: preprocessing-leakage


X = [[1.0], [5.0], [9.0], [3.0]]
y = [0, 1, 1, 0]
X_ready = prepare(X)
X_tr, X_te, y_tr, y_te = train_test_split(X_ready, y, random_state=0)
