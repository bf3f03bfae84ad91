import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.impute import KNNImputer
from sklearn.preprocessing import StandardScaler, Normalizer
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.svm import SVR

df = pd.read_csv("sensors.csv")
feature_cols = [c for c in df.columns if c.startswith("s_")]

imputer = KNNImputer(n_neighbors=5)
imputer.fit(df[feature_cols])  # expect: preprocessing-leakage
df[feature_cols] = imputer.transform(df[feature_cols])

X = pd.DataFrame(StandardScaler().fit_transform(df[feature_cols]), columns=feature_cols)  # expect: preprocessing-leakage
y = df["rul"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

pca = PCA(n_components=5)
pca.fit(np.vstack([X_train, X_test]))  # expect: preprocessing-leakage
Z_train, Z_test = pca.transform(X_train), pca.transform(X_test)

norm = Normalizer()
Z_train = norm.fit_transform(Z_train)
Z_test = norm.transform(Z_test)

svr = SVR(C=10).fit(Z_train, y_train)
print("test r2", svr.score(Z_test, y_test))
print("cv r2", cross_val_score(SVR(C=10), Z_train, y_train, cv=5).mean())
