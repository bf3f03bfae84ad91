# Hand-written K-fold loop for a LightGBM baseline (realistic evaluation file).
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("train.csv")
X = df.drop(columns=["id", "target"]).to_numpy()
y = df["target"].to_numpy()
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
oof = np.zeros(len(X))

for fold, (trn_idx, val_idx) in enumerate(skf.split(X, y)):
    pca = PCA(n_components=16, random_state=42)
    pca.fit(X)  # expect: preprocessing-leakage
    X_trn, X_val = pca.transform(X[trn_idx]), pca.transform(X[val_idx])
    model = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.05, random_state=42)
    model.fit(X_trn, y[trn_idx], eval_set=[(X_val, y[val_idx])])
    oof[val_idx] = model.predict_proba(X_val)[:, 1]
print("leaky CV AUC", roc_auc_score(y, oof))

for fold, (trn_idx, val_idx) in enumerate(skf.split(X, y)):
    scaler = StandardScaler().fit(X[trn_idx])
    X_trn = scaler.transform(X[trn_idx])
    X_val = scaler.transform(X[val_idx])
    model = lgb.LGBMClassifier(n_estimators=500, random_state=42).fit(X_trn, y[trn_idx])
    oof[val_idx] = model.predict_proba(X_val)[:, 1]
print("clean CV AUC", roc_auc_score(y, oof))
