import random

import numpy as np
import pytorch_lightning as pl
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset, random_split

pl.seed_everything(42)


class LitRegressor(pl.LightningModule):
    def __init__(self, d=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 32), nn.ReLU(), nn.Linear(32, 1))

    def training_step(self, batch, batch_idx):
        x, y = batch
        x = x + 0.01 * torch.randn_like(x)
        return nn.functional.mse_loss(self.net(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.01)


X = torch.randn(1000, 16)
y = X.sum(dim=1, keepdim=True) + torch.rand(1000, 1)
ds = TensorDataset(X, y)
train_ds, val_ds = random_split(ds, [800, 200])
idx = np.random.permutation(800)
coin = random.random()
trainer = pl.Trainer(max_epochs=5, deterministic=True)
trainer.fit(LitRegressor(), DataLoader(train_ds, batch_size=32, shuffle=True), DataLoader(val_ds, batch_size=32))
