# Model comparison script (realistic evaluation file): which estimators actually need a seed.
import pandas as pd
import xgboost as xgb
import lightgbm as lgb
from sklearn.datasets import make_classification
from sklearn.ensemble import IsolationForest, RandomForestClassifier
from sklearn.linear_model import LogisticRegression, Ridge, SGDClassifier
from sklearn.manifold import TSNE
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV, StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

X, y = make_classification(n_samples=2000, n_features=30, n_informative=8)  # expect: unseeded-random

models = {
    "logreg": LogisticRegression(max_iter=2000),
    "saga": LogisticRegression(solver="saga", max_iter=2000),  # expect: unseeded-random
    "knn": KNeighborsClassifier(n_neighbors=15),
    "svc": SVC(C=1.0),
    "svc_proba": SVC(probability=True),  # expect: unseeded-random
    "sgd": SGDClassifier(loss="log_loss"),  # expect: unseeded-random
    "mlp": MLPClassifier(hidden_layer_sizes=(64,)),  # expect: unseeded-random
    "tree": DecisionTreeClassifier(max_depth=5),  # expect: unseeded-random
    "forest": RandomForestClassifier(n_estimators=200, random_state=0),
    "xgb": xgb.XGBClassifier(n_estimators=300, learning_rate=0.05, random_state=0),
    "lgb": lgb.LGBMClassifier(n_estimators=300, random_state=0),
}
cv = StratifiedKFold(n_splits=5)
for name, model in models.items():
    scores = cross_val_score(model, X, y, cv=cv, scoring="roc_auc")
    print(f"{name:10s} {scores.mean():.4f}")

oof = cross_val_predict(Ridge(alpha=3.0), X, y, cv=5)
search = RandomizedSearchCV(  # expect: unseeded-random
    RandomForestClassifier(random_state=0),
    {"max_depth": [3, 5, 8, None], "min_samples_leaf": [1, 3, 10]},
    n_iter=8, cv=cv)
search.fit(X, y)
grid = GridSearchCV(LogisticRegression(max_iter=500), {"C": [0.1, 1, 10]}, cv=cv).fit(X, y)
outliers = IsolationForest(contamination=0.01).fit_predict(X)  # expect: unseeded-random
embedding = TSNE(n_components=2, perplexity=30).fit_transform(X[:500])  # expect: unseeded-random
pd.DataFrame(embedding, columns=["x", "y"]).to_csv("tsne.csv", index=False)
