# LK-02: fit on train, transform both (through named intermediates) (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

data = pd.read_csv("d.csv")
X, y = data.drop(columns="y"), data["y"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
scaler = StandardScaler()
scaler.fit(X_tr)
X_tr_s = scaler.transform(X_tr)
X_te_s = scaler.transform(X_te)
clf = LogisticRegression()
clf.fit(X_tr_s, y_tr)
print(clf.score(X_te_s, y_te))
