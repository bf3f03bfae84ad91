# A fitted preprocessor used inline in the split or cross-validation call, with no variable for
# its output: the fitted object itself carries what it learnt into the call.
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("measurements.csv")
X, y = df.drop(columns="label").values, df["label"].values

# Leaky: fitted on every row, then its projection of every row is cross-validated.
pca = PCA(n_components=2).fit(X)  # expect: preprocessing-leakage
print(cross_val_score(LogisticRegression(), pca.transform(X), y, cv=5))

# Leaky: the same, fitted in a statement of its own.
scaler = StandardScaler()
scaler.fit(X)  # expect: preprocessing-leakage
parts = train_test_split(scaler.transform(X), y, test_size=0.25, random_state=0)

# Fine: cut first, fitted on the training part, applied to the held-out part.
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
projection = PCA(n_components=2).fit(X_train)
model = LogisticRegression().fit(projection.transform(X_train), y_train)
print(model.score(projection.transform(X_test), y_test))

# Fine: the projection inside the cross-validated pipeline is fitted on each fold.
print(cross_val_score(make_pipeline(PCA(n_components=2), LogisticRegression()), X, y, cv=5))
print(len(parts))
