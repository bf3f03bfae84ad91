"""Augmentation helpers for spectrogram data (research code, cleaned up a bit)."""
import numpy as np
from numpy import random as npr
import numpy.random

np.random.seed(1337)


def time_mask(spec, max_width=20):
    t = spec.shape[1]
    width = np.random.randint(1, max_width)  # expect: legacy-global-random
    start = np.random.randint(0, t - width)  # expect: legacy-global-random
    spec = spec.copy()
    spec[:, start:start + width] = 0
    return spec


def mixup(x1, y1, x2, y2, alpha=0.2):
    lam = npr.beta(alpha, alpha)  # expect: legacy-global-random
    return lam * x1 + (1 - lam) * x2, lam * y1 + (1 - lam) * y2


def add_noise(x, snr_db=20.0):
    power = np.mean(x ** 2)
    noise = numpy.random.normal(0.0, np.sqrt(power / 10 ** (snr_db / 10)), x.shape)  # expect: legacy-global-random
    return x + noise


class Augmenter:
    def __init__(self, seed=0, p=0.5):
        self.rng = np.random.default_rng(seed)
        self.p = p

    def __call__(self, x):
        if self.rng.random() < self.p:
            x = x[:, ::-1]
        return x + self.rng.normal(0, 0.01, size=x.shape)


if __name__ == "__main__":
    batch = np.random.rand(8, 64, 100)  # expect: legacy-global-random
    np.random.shuffle(batch)  # expect: legacy-global-random
    aug = Augmenter(seed=3)
    out = [aug(time_mask(b)) for b in batch]
    state = np.random.get_state()
    rs = np.random.RandomState(5)
    print(rs.uniform(size=3))
    print(len(out))
