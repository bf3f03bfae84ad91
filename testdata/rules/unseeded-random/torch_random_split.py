# Own case: random_split draws from torch's default generator unless given its own seeded
# generator. A shuffling DataLoader is left alone: it is not a sampling op, and it follows
# torch.manual_seed wherever the training script sets it.
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

data = TensorDataset(torch.arange(100.0))
train_set, val_set = random_split(data, [80, 20])  # expect: unseeded-random
loader = DataLoader(train_set, batch_size=8, shuffle=True)
ordered = DataLoader(val_set, batch_size=8)
seeded = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(3))
parts = random_split(data, [50, 50], generator=torch.Generator().manual_seed(4))
