# Own case: explicit generator objects. Seeded ones are fine; unseeded constructors are not.
import random

import numpy as np
import tensorflow as tf
import torch

rng = np.random.default_rng(0)
noise = rng.normal(size=10)
legacy = np.random.RandomState(7)
picks = legacy.choice(10, size=3)
gen = torch.Generator().manual_seed(0)
weights = torch.randn(3, 3, generator=gen)
perm = torch.randperm(10, generator=torch.Generator().manual_seed(1))
local = random.Random(1234)
local.shuffle([1, 2, 3])
token = random.SystemRandom().random()
init = tf.random.normal([2, 2], seed=3)

fresh = np.random.default_rng(np.random.PCG64())  # expect: unseeded-random
entropy = np.random.SeedSequence()  # expect: unseeded-random
state = np.random.RandomState(None)  # expect: unseeded-random
unseeded_local = random.Random()  # expect: unseeded-random
SEED = None
from_none = np.random.default_rng(SEED)  # expect: unseeded-random
