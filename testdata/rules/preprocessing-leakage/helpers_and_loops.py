# Own case: fits hidden in helpers, in a loop over columns, and cross-validation of data that
# was scaled as a whole.
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, KFold, train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler


def standardise(frame: pd.DataFrame) -> pd.DataFrame:
    return (frame - frame.mean()) / frame.std()  # expect: preprocessing-leakage


def fit_scaler(values):
    scaler = StandardScaler()
    scaler.fit(values)  # expect: preprocessing-leakage
    return scaler


df = pd.read_csv("loans.csv")
for column in ["grade", "purpose"]:
    df[column] = LabelEncoder().fit_transform(df[column])  # expect: preprocessing-leakage
numeric = standardise(df[["income", "debt"]])
features = pd.concat([numeric, df[["grade", "purpose"]]], axis=1)
target = df["default"]
X_tr, X_te, y_tr, y_te = train_test_split(features, target, random_state=1)

raw = df[["income", "debt"]].values
fitted = fit_scaler(raw)
scaled = fitted.transform(raw)
for train_idx, valid_idx in KFold(n_splits=3, shuffle=True, random_state=0).split(scaled):
    print(len(train_idx), len(valid_idx))

X_all = StandardScaler().fit_transform(X_tr)  # expect: preprocessing-leakage
search = GridSearchCV(RandomForestClassifier(random_state=0), {"max_depth": [3, 5]}, cv=3)
search.fit(X_all, y_tr)

# The fitted scaler is applied to the parts of a split of the very rows it was fitted on.
scaler_all = StandardScaler()
scaler_all.fit(raw)  # expect: preprocessing-leakage
R_tr, R_te = train_test_split(raw, random_state=2)
R_tr = scaler_all.transform(R_tr)
R_te = scaler_all.transform(R_te)
