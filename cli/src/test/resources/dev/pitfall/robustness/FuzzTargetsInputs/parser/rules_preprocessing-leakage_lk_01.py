# LK-01: scaler fitted on all rows before the split (POSITIVE, flag line 8)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

data = pd.read_csv("d.csv")
X, y = data.drop(columns="y"), data["y"]
X_scaled = StandardScaler().fit_transform(X)  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(X_scaled, y, random_state=0)
clf = LogisticRegression().fit(X_tr, y_tr)
print(clf.score(X_te, y_te))
