# LK-09: constant imputer before the split (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split

X = [[1.0], [None], [3.0], [4.0]]
y = [0, 1, 0, 1]
X_imp = SimpleImputer(strategy="constant", fill_value=0.0).fit_transform(X)
X_tr, X_te, y_tr, y_te = train_test_split(X_imp, y, random_state=0)
