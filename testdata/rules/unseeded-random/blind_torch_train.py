#!/usr/bin/env python
"""Train a small MLP on synthetic data. Usage: python train.py --epochs 20"""
import argparse
import random
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out, p=0.1):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)
        self.drop = nn.Dropout(p)

    def forward(self, x):
        return self.fc2(self.drop(F.relu(self.fc1(x))))


def make_data(n, d):
    X = torch.randn(n, d)  # expect: unseeded-random
    w = torch.rand(d, 1)  # expect: unseeded-random
    noise = 0.1 * torch.randn(n, 1)  # expect: unseeded-random
    y = X @ w + noise
    return X, y


def split(X, y, frac=0.8):
    idx = np.random.permutation(len(X))  # expect: unseeded-random
    cut = int(frac * len(X))
    return X[idx[:cut]], y[idx[:cut]], X[idx[cut:]], y[idx[cut:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--bs", type=int, default=64)
    args = ap.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    X, y = make_data(5000, 32)
    Xtr, ytr, Xva, yva = split(X, y)
    model = MLP(32, 128, 1).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)

    for epoch in range(args.epochs):
        perm = torch.randperm(len(Xtr))  # expect: unseeded-random
        t0 = time.time()
        for i in range(0, len(Xtr), args.bs):
            b = perm[i:i + args.bs]
            xb, yb = Xtr[b].to(device), ytr[b].to(device)
            loss = F.mse_loss(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
        with torch.no_grad():
            val = F.mse_loss(model(Xva.to(device)), yva.to(device)).item()
        print(f"epoch {epoch} val {val:.4f} ({time.time() - t0:.1f}s)")

    # print a few random predictions
    for _ in range(3):
        j = random.randint(0, len(Xva) - 1)  # expect: unseeded-random
        print(model(Xva[j:j + 1].to(device)).item(), yva[j].item())


if __name__ == "__main__":
    main()
