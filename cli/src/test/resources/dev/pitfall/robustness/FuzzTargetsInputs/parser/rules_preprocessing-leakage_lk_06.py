# LK-06: pipeline inside cross-validation (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler
from sklearn.svm import SVC

X = [[float(i)] for i in range(20)]
y = [i % 2 for i in range(20)]
scores = cross_val_score(make_pipeline(MinMaxScaler(), SVC()), X, y, cv=5)
