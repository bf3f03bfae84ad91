# RNG-14: shuffled splitter without random_state (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import KFold

cv = KFold(n_splits=5, shuffle=True)  # expect: unseeded-random
