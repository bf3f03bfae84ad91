"""Bootstrap confidence intervals for a metric (realistic evaluation file).

The script seeds numpy's global generator from the CLI, then draws from it all over the place:
each draw is reproducible, but hidden global state (a note per draw). The Generator-based
variant at the bottom is the recommended style.
"""
import argparse

import numpy as np
from numpy.random import randn
from sklearn.metrics import f1_score


def bootstrap_f1(y_true, y_pred, n_boot=1000):
    n = len(y_true)
    scores = []
    for _ in range(n_boot):
        idx = np.random.randint(0, n, size=n)  # expect: legacy-global-random
        scores.append(f1_score(y_true[idx], y_pred[idx]))
    return np.percentile(scores, [2.5, 97.5])


def bootstrap_f1_rng(y_true, y_pred, rng, n_boot=1000):
    n = len(y_true)
    return [f1_score(y_true[i], y_pred[i]) for i in (rng.integers(0, n, size=n) for _ in range(n_boot))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    np.random.seed(args.seed)

    y_true = np.random.binomial(1, 0.3, size=500)  # expect: legacy-global-random
    flip = np.random.rand(500) < 0.1  # expect: legacy-global-random
    y_pred = np.where(flip, 1 - y_true, y_true)
    latent = randn(500, 3)  # expect: legacy-global-random
    order = np.random.permutation(len(latent))  # expect: legacy-global-random
    print(bootstrap_f1(y_true, y_pred), latent[order][:2])

    rng = np.random.default_rng(args.seed)
    print(bootstrap_f1_rng(y_true, y_pred, rng)[:3])
    legacy = np.random.RandomState(args.seed)
    print(legacy.normal(size=3), np.random.get_state()[1][:3])


if __name__ == "__main__":
    main()
