# Own case: torch data utilities draw from torch's default generator: random_split and a
# shuffling DataLoader, unless given their own seeded generator.
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

data = TensorDataset(torch.arange(100.0))
train_set, val_set = random_split(data, [80, 20])  # expect: unseeded-random
loader = DataLoader(train_set, batch_size=8, shuffle=True)  # expect: unseeded-random
ordered = DataLoader(val_set, batch_size=8)
seeded = DataLoader(train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(3))
parts = random_split(data, [50, 50], generator=torch.Generator().manual_seed(4))
