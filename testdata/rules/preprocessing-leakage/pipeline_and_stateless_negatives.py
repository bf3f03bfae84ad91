# Own case: correct preprocessing that must stay silent: pipelines inside cross-validation and
# search, fit on the training split then transform the test split, stateless transformations,
# fixed categories, label encoding of the target, a constant imputer.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, LabelEncoder, OneHotEncoder, StandardScaler

df = pd.read_csv("customers.csv")
df = pd.get_dummies(df, columns=["region"])
df["log_income"] = FunctionTransformer(np.log1p).fit_transform(df[["income"]])
plans = OneHotEncoder(categories=[["basic", "pro"]]).fit_transform(df[["plan"]])
df["age"] = SimpleImputer(strategy="constant", fill_value=0).fit_transform(df[["age"]])
y = LabelEncoder().fit_transform(df["churned"])
X = df.drop(columns=["churned"])

pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=200))
print(cross_val_score(pipe, X, y, cv=5).mean())
search = GridSearchCV(pipe, {"logisticregression__C": [0.1, 1.0]}, cv=3)
search.fit(X, y)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
pre = ColumnTransformer([("num", StandardScaler(), ["age", "income"])], remainder="drop")
model = Pipeline([("pre", pre), ("clf", LogisticRegression())])
model.fit(X_train, y_train)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train[["age", "income"]])
X_test_s = scaler.transform(X_test[["age", "income"]])
test_fill = X_test["age"].fillna(X_train["age"].median())
print(model.score(X_test, y_test))
