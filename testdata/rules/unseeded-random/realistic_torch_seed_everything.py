"""PyTorch training loop with a seeding helper (realistic evaluation file).

seed_everything() seeds random, numpy and torch before any draw: nothing here is unseeded.
"""
import os
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset, random_split


def seed_everything(seed: int = 42) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True


class MLP(nn.Module):
    def __init__(self, d_in: int, hidden: int = 128, p: float = 0.2):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(p), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def make_data(n: int = 2048, d: int = 16):
    X = torch.randn(n, d)
    w = torch.rand(d)
    y = X @ w + 0.1 * torch.randn(n)
    return TensorDataset(X, y)


def train(epochs: int = 10, lr: float = 1e-3):
    seed_everything(1337)
    dataset = make_data()
    train_set, val_set = random_split(dataset, [1800, 248])
    train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=2)
    val_loader = DataLoader(val_set, batch_size=256)
    model = MLP(16)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_loader:
            if random.random() < 0.1:
                xb = xb + 0.01 * torch.randn_like(xb)
            loss = F.mse_loss(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val = sum(F.mse_loss(model(xb), yb, reduction="sum").item() for xb, yb in val_loader)
        print(epoch, val / len(val_set), np.random.choice([0, 1]))
    return model


if __name__ == "__main__":
    train()
