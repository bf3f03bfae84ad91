# utils for the house prices project
import pandas as pd
import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, RobustScaler
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.model_selection import train_test_split, KFold
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error

NUM_COLS = ["LotArea", "GrLivArea", "TotalBsmtSF", "GarageArea", "YearBuilt"]
CAT_COLS = ["Neighborhood", "HouseStyle"]


def impute_numeric(frame):
    imp = SimpleImputer(strategy="median")
    frame[NUM_COLS] = imp.fit_transform(frame[NUM_COLS])  # expect: preprocessing-leakage
    return frame


def encode(frame, encoder=None):
    if encoder is None:
        encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        # relabelled after the run: fitted on X_tr_df, whose rows are later cross-validated as part of X_sel
        encoder.fit(frame[CAT_COLS])  # expect: preprocessing-leakage
    onehot = encoder.transform(frame[CAT_COLS])
    return np.hstack([frame[NUM_COLS].values, onehot]), encoder


class Selector:
    def __init__(self, k=20):
        self.k = k
        self.sel = SelectKBest(f_regression, k=k)

    def fit_transform(self, X, y):
        return self.sel.fit_transform(X, y)


df = pd.read_csv("train.csv")
target = np.log1p(df["SalePrice"])
df = impute_numeric(df)

# fixed categories: nothing learnt from the data
fixed_enc = OneHotEncoder(categories=[["A", "B", "C"], ["1Story", "2Story"]])
fixed = fixed_enc.fit_transform(df[CAT_COLS])

X_tr_df, X_te_df, y_tr, y_te = train_test_split(df, target, test_size=0.25, random_state=7)
X_tr, enc = encode(X_tr_df)
X_te, _ = encode(X_te_df, enc)

scaler = RobustScaler()
X_tr = scaler.fit_transform(X_tr)
X_te = scaler.transform(X_te)
model = Ridge(alpha=10).fit(X_tr, y_tr)
print("rmse", mean_squared_error(y_te, model.predict(X_te)) ** 0.5)

# second experiment: select features on everything, then k-fold
X_all, _ = encode(df, enc)
X_sel = SelectKBest(f_regression, k=15).fit_transform(X_all, target)  # expect: preprocessing-leakage
kf = KFold(n_splits=5, shuffle=True, random_state=3)
errs = []
for tr_idx, va_idx in kf.split(X_sel):
    m = Ridge().fit(X_sel[tr_idx], target.iloc[tr_idx])
    errs.append(mean_squared_error(target.iloc[va_idx], m.predict(X_sel[va_idx])))
print(np.mean(errs))
