# RNG-07: dedicated seeded random.Random (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import random

items = list(range(10))
rng = random.Random(1234)
rng.shuffle(items)
