# RNG-01: legacy global numpy call, never seeded (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

noise = np.random.rand(10)  # expect: unseeded-random
