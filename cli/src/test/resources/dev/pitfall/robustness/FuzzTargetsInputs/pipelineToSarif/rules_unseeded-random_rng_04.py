# RNG-04: default_rng with a seed from configuration (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np


def make_rng(seed: int):
    return np.random.default_rng(seed)
