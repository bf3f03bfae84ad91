# Own case: a seeded module that still draws from numpy's legacy global generator. The seed
# call is not reported; each draw is, at its own line. An unseeded draw elsewhere is PF301's.
import numpy as np
from numpy.random import normal, seed

seed(2024)
sample = normal(0.0, 1.0, size=10)  # expect: legacy-global-random
np.random.shuffle(sample)  # expect: legacy-global-random
idx = np.random.permutation(10)  # expect: legacy-global-random
rng = np.random.default_rng(2024)
better = rng.permutation(10)
state = np.random.get_state()
