# Own case: seeding is flow-sensitive. A draw before the seed call is unseeded, and so is a
# function that is also called before the seed.
import random

import numpy as np

first = random.random()  # expect: unseeded-random


def pick(items):
    return random.choice(items)  # expect: unseeded-random


early = pick([1, 2, 3])
random.seed(5)
late = pick([4, 5, 6])
after = random.randint(0, 9)
np.random.seed(0)
np.random.seed()  # expect: unseeded-random
