# RNG-06: stdlib random without seeding (POSITIVE, flag line 4)
# From shared/research/rule-cases.md; markers say what must be reported.
import random

items = list(range(10))
random.shuffle(items)  # expect: unseeded-random
