# RNG-10: train_test_split without random_state (POSITIVE, flag line 5)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import train_test_split

X = [[0], [1], [2], [3]]
y = [0, 1, 0, 1]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25)  # expect: unseeded-random
