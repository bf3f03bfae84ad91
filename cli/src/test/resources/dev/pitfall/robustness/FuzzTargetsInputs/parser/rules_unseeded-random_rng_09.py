# RNG-09: seeding through a framework helper (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import torch
from lightning.pytorch import seed_everything

seed_everything(7)
weights = torch.randn(3, 3)
