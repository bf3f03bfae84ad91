# RNG-15: seeds set inside the __main__ guard (PF302 note only) (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np
import torch


def main():
    noise = np.random.rand(3)  # expect: legacy-global-random
    weights = torch.randn(2)
    return noise, weights


if __name__ == "__main__":
    np.random.seed(0)
    torch.manual_seed(0)
    main()
