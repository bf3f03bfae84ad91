# RNG-05: default_rng(seed=None) spelled out (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

rng = np.random.default_rng(seed=None)  # expect: unseeded-random
