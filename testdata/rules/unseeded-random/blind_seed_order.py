import argparse
import random

import numpy as np
import torch


def set_seeds(seed):
    random.seed(seed)
    torch.manual_seed(seed)


def corrupt(x, p=0.1):
    mask = torch.bernoulli(torch.full_like(x, p))
    noise = torch.normal(0.0, 1.0, size=x.shape)
    return x * (1 - mask) + noise * mask


def sample_negatives(n_items, k):
    return np.random.randint(0, n_items, size=k)  # expect: unseeded-random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    set_seeds(args.seed)
    x = torch.randn(16, 8)
    x = corrupt(x)
    w = torch.empty(8, 8).uniform_(-0.1, 0.1)
    probs = torch.softmax(torch.randn(5), dim=0)
    picks = torch.multinomial(probs, 3)
    negs = sample_negatives(1000, 5)
    order = list(range(10))
    random.shuffle(order)
    np.random.shuffle(order)  # expect: unseeded-random
    print(x.shape, w.sum(), picks, negs, order)


if __name__ == "__main__":
    main()
