# LK-04: feature selection on all rows before the split (POSITIVE, flag line 8)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(0)
X = rng.normal(size=(100, 500))
y = rng.integers(0, 2, size=100)
X_sel = SelectKBest(f_classif, k=20).fit_transform(X, y)  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(X_sel, y, random_state=0)
