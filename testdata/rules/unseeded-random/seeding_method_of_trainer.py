# Own case: a trainer class seeds through its own method before it draws; a generator's own
# manual_seed seeds that generator only, not the global one.
import random

import numpy as np
import torch


class Trainer:
    def __init__(self, seed):
        self.set_seed(seed)
        self.noise = np.random.normal(size=3)  # expect: legacy-global-random

    def set_seed(self, seed):
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)


def sample_weights():
    local = torch.Generator()
    local.manual_seed(0)
    return torch.rand(2, 2)  # expect: unseeded-random


trainer = Trainer(7)
print(sample_weights())
