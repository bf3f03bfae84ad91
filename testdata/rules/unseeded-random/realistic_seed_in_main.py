"""Training entry point: main() seeds everything, the helpers draw (realistic evaluation file)."""
import argparse
import random

import numpy as np
import torch
from sklearn.model_selection import train_test_split as tts
from sklearn.utils import shuffle


def augment(batch):
    if random.random() < 0.5:
        batch = torch.flip(batch, dims=[-1])
    return batch + 0.01 * torch.randn_like(batch)


def make_splits(X, y, seed):
    X, y = shuffle(X, y, random_state=seed)
    return tts(X, y, test_size=0.1, random_state=seed)


def noisy_labels(y, rate=0.05):
    flip = np.random.rand(len(y)) < rate
    return np.where(flip, 1 - y, y)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    X = np.random.rand(100, 4)
    y = (X[:, 0] > 0.5).astype(int)
    X_tr, X_te, y_tr, y_te = make_splits(X, noisy_labels(y), args.seed)
    print(augment(torch.tensor(X_tr)).shape)
    # Labelled as unseeded before the run, wrongly: random_state=None draws from numpy's global
    # generator, which np.random.seed(args.seed) seeded above.
    X_a, X_b = tts(X, test_size=0.5, random_state=None)


if __name__ == "__main__":
    main()
