# Audio augmentation utilities used by a training script that calls set_seed() first
# (realistic evaluation file).
import random

import numpy as np


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)


class RandomGain:
    def __init__(self, low_db=-6.0, high_db=6.0, p=0.5):
        self.low_db, self.high_db, self.p = low_db, high_db, p

    def __call__(self, wave: np.ndarray) -> np.ndarray:
        if random.random() > self.p:
            return wave
        gain = np.random.uniform(self.low_db, self.high_db)  # expect: legacy-global-random
        return wave * 10 ** (gain / 20)


class TimeShift:
    def __init__(self, max_fraction=0.1, rng=None):
        self.max_fraction = max_fraction
        self.rng = rng if rng is not None else np.random.default_rng(0)

    def __call__(self, wave: np.ndarray) -> np.ndarray:
        shift = int(self.rng.integers(-self.max_fraction * len(wave), self.max_fraction * len(wave)))
        return np.roll(wave, shift)


def add_noise(wave, snr_db=20.0):
    noise = np.random.standard_normal(wave.shape)  # expect: legacy-global-random
    power = np.mean(wave ** 2) / (10 ** (snr_db / 10))
    return wave + noise * np.sqrt(power)


def random_crop(wave, length):
    start = np.random.choice(max(1, len(wave) - length))  # expect: legacy-global-random
    return wave[start:start + length]


if __name__ == "__main__":
    set_seed(7)
    print(add_noise(np.ones(16)).round(2), random_crop(np.arange(100), 10))
