# PF302 notes every draw from numpy's legacy global generator, seeded or not (the NPY002
# analogue); an unseeded draw is also PF301's warning.
import numpy as np
from numpy.random import shuffle

weights = np.random.randn(4, 2)  # expect: legacy-global-random, unseeded-random
order = list(range(10))
shuffle(order)  # expect: legacy-global-random, unseeded-random

np.random.seed(7)  # the seed call itself is not a draw
noise = np.random.normal(0.0, 0.1, size=4)  # expect: legacy-global-random

rng = np.random.default_rng(7)
jitter = rng.normal(size=4)  # a Generator: neither rule
state = np.random.get_state()
