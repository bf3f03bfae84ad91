# Own case: feature engineering on the whole frame before the split: group imputation, min-max
# by hand, frequency encoding, a ColumnTransformer of pipelines, a chained fit().transform();
# then a PCA fitted on the training split and cross-validated on it. Constant arithmetic is fine.
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

df = pd.read_csv("passengers.csv")
df["Age"] = df["Age"].fillna(df.groupby("Pclass")["Age"].transform("median"))  # expect: preprocessing-leakage
df["fare_norm"] = df["Fare"] / df["Fare"].max()  # expect: preprocessing-leakage
df["cabin_freq"] = df["Cabin"].map(df["Cabin"].value_counts())  # expect: preprocessing-leakage
df["pixels"] = df["pixels"] / 255
df["family"] = df["SibSp"] + df["Parch"] + 1
numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
pre = ColumnTransformer([("num", numeric, ["Age", "Fare"]), ("cat", OneHotEncoder(), ["Sex"])])
X = pre.fit_transform(df)  # expect: preprocessing-leakage
y = df["Survived"].values
X_s = StandardScaler().fit(X).transform(X)  # expect: preprocessing-leakage
X_train, X_test, y_train, y_test = train_test_split(X_s, y, random_state=0)
pca = PCA(n_components=5).fit(X_train)  # expect: preprocessing-leakage
X_train_p = pca.transform(X_train)
print(cross_val_score(LogisticRegression(), X_train_p, y_train, cv=5))
