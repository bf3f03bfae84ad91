# RNG-13: deterministic estimators and an unshuffled splitter (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import KFold

reg = LinearRegression()
clf = LogisticRegression()
cv = KFold(n_splits=5)
