# RNG-03: default_rng() without a seed (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

rng = np.random.default_rng()  # expect: unseeded-random
sample = rng.integers(0, 10, size=3)
