# MD-07: numpy array default mutated in place (POSITIVE, flag line 4) (from rule-cases.md)
import numpy as np


def accumulate(grad, total=np.zeros(3)):  # expect: mutable-default-argument
    total += grad
    return total
