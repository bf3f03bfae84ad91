import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
import xgboost as xgb

SEED = 2021

data = pd.read_csv("creditcard.csv")
X = data.drop("Class", axis=1)
y = data["Class"]

# balance classes first
sm = SMOTE(random_state=SEED)
X_res, y_res = sm.fit_resample(X, y)  # expect: preprocessing-leakage

X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.3, stratify=y_res, random_state=SEED)

sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.fit_transform(X_test)  # expect: preprocessing-leakage

clf = LogisticRegression(max_iter=1000)
clf.fit(X_train, y_train)
print(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))

# proper CV on the raw data
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
aucs = []
for fold, (tr, va) in enumerate(skf.split(X, y)):
    X_tr, X_va = X.iloc[tr], X.iloc[va]
    y_tr, y_va = y.iloc[tr], y.iloc[va]
    X_tr_res, y_tr_res = SMOTE(random_state=SEED).fit_resample(X_tr, y_tr)
    scaler = StandardScaler().fit(X_tr_res)
    model = xgb.XGBClassifier(n_estimators=300, learning_rate=0.05, random_state=SEED)
    model.fit(scaler.transform(X_tr_res), y_tr_res)
    p = model.predict_proba(scaler.transform(X_va))[:, 1]
    aucs.append(roc_auc_score(y_va, p))
    print(f"fold {fold}: {aucs[-1]:.4f}")
print("mean auc", np.mean(aucs))
