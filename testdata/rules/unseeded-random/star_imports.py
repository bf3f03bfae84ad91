# Own case: star imports of numpy.random and scikit-learn still name the callables.
from numpy.random import *
from sklearn.model_selection import *

values = randn(5)  # expect: unseeded-random
folds = KFold(n_splits=3, shuffle=True)  # expect: unseeded-random
