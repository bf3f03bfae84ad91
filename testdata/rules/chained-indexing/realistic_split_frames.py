# Post-split fix-ups on DataFrames returned by train_test_split (realistic evaluation file).
import pandas as pd
from sklearn.model_selection import train_test_split

data = pd.read_csv("loans.csv")
X = data.drop(columns=["default"])
y = data["default"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

X_train["income"][X_train["income"] > 1e6] = 1e6  # expect: chained-indexing
X_test["income"].loc[X_test["income"] > 1e6] = 1e6  # expect: chained-indexing
X_train.loc[X_train["age"] < 18, "age"] = 18
X_test = X_test.assign(age=X_test["age"].clip(lower=18))
recent = X_train[X_train["year"] >= 2020]
recent_mean = recent["income"].mean()
first_label = y_train.iloc[0]
label_counts = y_train.value_counts()[1]
for col in ["income", "age"]:
    X_train[col][X_train[col].isna()] = 0  # expect: chained-indexing
    X_test[col] = X_test[col].fillna(0)
