# model zoo for the churn dataset -- quick and dirty benchmarking
import pandas as pd
import sklearn.model_selection as ms
from sklearn import ensemble, cluster, tree, svm
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.utils import shuffle

df = pd.read_csv("churn.csv")
y = df.pop("Churn").eq("Yes").astype(int)
X = pd.get_dummies(df.drop(columns=["customerID"]), drop_first=True).fillna(0)

X, y = shuffle(X, y)  # expect: unseeded-random
X_train, X_test, y_train, y_test = ms.train_test_split(X, y, test_size=0.25)  # expect: unseeded-random
X_a, X_b = ms.train_test_split(X, shuffle=False, test_size=0.5)

models = {
    "rf": ensemble.RandomForestClassifier(n_estimators=300, n_jobs=-1),  # expect: unseeded-random
    "et": ensemble.ExtraTreesClassifier(n_estimators=300, random_state=0),
    "dt": tree.DecisionTreeClassifier(max_depth=5),  # expect: unseeded-random
    "sgd": SGDClassifier(loss="log_loss"),  # expect: unseeded-random
    "knn": KNeighborsClassifier(n_neighbors=15),
}

kf = ms.KFold(n_splits=5)
skf = ms.StratifiedKFold(n_splits=5, shuffle=True)  # expect: unseeded-random

for name, model in models.items():
    s = ms.cross_val_score(model, X_train, y_train, cv=kf, scoring="roc_auc")
    print(name, round(s.mean(), 4))

km = cluster.KMeans(n_clusters=4, n_init=10)  # expect: unseeded-random
segments = km.fit_predict(X)
svd = TruncatedSVD(n_components=10)  # expect: unseeded-random
Z = svd.fit_transform(X)
pca = PCA(n_components=10)
Z2 = pca.fit_transform(X)
