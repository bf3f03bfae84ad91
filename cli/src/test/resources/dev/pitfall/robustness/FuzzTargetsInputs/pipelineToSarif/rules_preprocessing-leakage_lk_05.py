# LK-05: scaler on all rows, then cross-validation (POSITIVE, flag line 7)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import MinMaxScaler
from sklearn.svm import SVC

X = [[float(i)] for i in range(20)]
y = [i % 2 for i in range(20)]
X_scaled = MinMaxScaler().fit_transform(X)  # expect: preprocessing-leakage
scores = cross_val_score(SVC(), X_scaled, y, cv=5)
