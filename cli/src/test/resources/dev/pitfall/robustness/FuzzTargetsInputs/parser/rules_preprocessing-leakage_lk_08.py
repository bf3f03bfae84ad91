# LK-08: mean imputer fitted before the split (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split

X = [[1.0], [None], [3.0], [4.0]]
y = [0, 1, 0, 1]
X_imp = SimpleImputer(strategy="mean").fit_transform(X)  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(X_imp, y, random_state=0)
