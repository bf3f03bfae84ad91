# RNG-17: np.random.seed() called without an argument (POSITIVE, flag lines 3, 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

np.random.seed()  # expect: unseeded-random
values = np.random.rand(2)  # expect: unseeded-random
