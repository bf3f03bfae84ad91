# LK-11: oversampling before the split (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split

X = [[float(i)] for i in range(30)]
y = [0] * 20 + [1] * 10
X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(X_res, y_res, random_state=0)
