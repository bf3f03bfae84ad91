# RNG-12: stochastic estimator without random_state (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.ensemble import RandomForestClassifier

clf = RandomForestClassifier(n_estimators=200)  # expect: unseeded-random
