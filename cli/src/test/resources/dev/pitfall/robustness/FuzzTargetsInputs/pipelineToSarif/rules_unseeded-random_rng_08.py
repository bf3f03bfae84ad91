# RNG-08: torch sampling with no manual_seed (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
import torch

weights = torch.randn(3, 3)  # expect: unseeded-random
