# RNG-02: seeded legacy global API (global-state note only) (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

np.random.seed(42)
noise = np.random.normal(size=5)  # expect: legacy-global-random
