# Kaggle-style preprocessing of train and test together, manual splits (realistic evaluation file).
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, QuantileTransformer, StandardScaler

train = pd.read_csv("train.csv")
test = pd.read_csv("test.csv")
y = np.log1p(train.pop("price"))
n_train = len(train)

# Leaky: the transformer is fitted on train and test rows together.
full = pd.concat([train, test], axis=0, ignore_index=True)
num_cols = full.select_dtypes("number").columns
qt = QuantileTransformer(output_distribution="normal", random_state=0)
full[num_cols] = qt.fit_transform(full[num_cols])  # expect: preprocessing-leakage
X = full.iloc[:n_train]
X_sub = full.iloc[n_train:]

# Leaky: scaler fitted before a manual holdout split.
arr = train[num_cols].to_numpy()
arr = StandardScaler().fit_transform(arr)  # expect: preprocessing-leakage
cut = int(0.8 * len(arr))
arr_train, arr_valid = arr[:cut], arr[cut:]
y_train, y_valid = y[:cut], y[cut:]
ridge = Ridge().fit(arr_train, y_train)
print(ridge.score(arr_valid, y_valid))

# Leaky: SVD fitted on everything before a grid search.
svd = TruncatedSVD(n_components=20, random_state=0)
reduced = svd.fit_transform(train[num_cols])  # expect: preprocessing-leakage
gs = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0, 10.0]}, cv=KFold(5, shuffle=True, random_state=0))
gs.fit(reduced, y)

# Fine: the polynomial expansion has no fitted statistics, and the scaler is in a pipeline.
poly = PolynomialFeatures(degree=2, include_bias=False)
expanded = poly.fit_transform(train[num_cols])
model = make_pipeline(StandardScaler(), Ridge(alpha=1.0))
print(cross_val_score(model, expanded, y, cv=KFold(5, shuffle=True, random_state=0)).mean())
