# Fraud detection experiments: oversampling, feature selection and PCA (realistic evaluation file).
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score, cross_validate, train_test_split
from sklearn.preprocessing import RobustScaler

RANDOM_STATE = 7

transactions = pd.read_parquet("transactions.parquet")
y = transactions.pop("is_fraud").values
X = transactions.select_dtypes("number").values

# Experiment 1 (leaky): oversample, then split.
X_res, y_res = SMOTE(random_state=RANDOM_STATE).fit_resample(X, y)  # expect: preprocessing-leakage
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.3, random_state=RANDOM_STATE)

# Experiment 2 (leaky): univariate selection on all rows, then cross-validation.
selector = SelectKBest(f_classif, k=20)
X_best = selector.fit_transform(X, y)  # expect: preprocessing-leakage
forest = RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=RANDOM_STATE)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_STATE)
print("selected features, CV:", cross_val_score(forest, X_best, y, cv=cv, scoring="average_precision").mean())

# Experiment 3 (fine): everything that learns from data is inside the imblearn pipeline.
pipeline = ImbPipeline([
    ("scale", RobustScaler()),
    ("smote", SMOTE(random_state=RANDOM_STATE)),
    ("select", SelectKBest(f_classif, k=20)),
    ("model", RandomForestClassifier(n_estimators=300, random_state=RANDOM_STATE)),
])
results = cross_validate(pipeline, X, y, cv=cv, scoring=["average_precision", "roc_auc"])
print({k: np.mean(v) for k, v in results.items()})

# Experiment 4 (fine): split first, then fit PCA and SMOTE on the training part only.
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=RANDOM_STATE)
pca = PCA(n_components=0.95, random_state=RANDOM_STATE)
X_tr_pca = pca.fit_transform(X_tr)
X_te_pca = pca.transform(X_te)
X_tr_bal, y_tr_bal = SMOTE(random_state=RANDOM_STATE).fit_resample(X_tr_pca, y_tr)
forest.fit(X_tr_bal, y_tr_bal)
print("holdout:", forest.score(X_te_pca, y_te))
