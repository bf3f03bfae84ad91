# Minimal PyTorch training script with no seeding at all (realistic evaluation file).
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

X = torch.randn(1000, 20)  # expect: unseeded-random
y = (X[:, 0] > 0).long()
dataset = TensorDataset(X, y)
train_set, val_set = random_split(dataset, [800, 200])  # expect: unseeded-random
# Labelled as a draw before the run; not reported by design (see torch_random_split.py): the
# shuffle follows torch.manual_seed wherever the training entry point sets it.
loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256, shuffle=False)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(5):
    for xb, yb in loader:
        mask = torch.rand_like(xb) > 0.1  # expect: unseeded-random
        loss = nn.functional.cross_entropy(model(xb * mask), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
perm = torch.randperm(len(val_set))  # expect: unseeded-random
zeros = torch.zeros(3)
ones = torch.ones_like(zeros)
