import random
import xgboost as xgb
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split, ShuffleSplit, cross_validate

data = load_breast_cancer()
X, y = data.data, data.target
X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=0)

params = {"max_depth": 4, "eta": 0.1, "subsample": 0.8, "objective": "binary:logistic", "seed": 0}
dtrain = xgb.DMatrix(X_tr, label=y_tr)
booster = xgb.train(params, dtrain, num_boost_round=200)

clf = xgb.XGBClassifier(n_estimators=200, subsample=0.8, colsample_bytree=0.8, random_state=0)
cv = ShuffleSplit(n_splits=5, test_size=0.2)  # expect: unseeded-random
res = cross_validate(clf, X, y, cv=cv)
print(res["test_score"].mean())

features = list(range(X.shape[1]))
random.shuffle(features)  # expect: unseeded-random
chosen = random.choice(features)  # expect: unseeded-random
weights = [random.uniform(0.5, 1.5) for _ in features]  # expect: unseeded-random
print(chosen, weights[:3])
