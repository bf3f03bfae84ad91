# Model builders and training helpers (realistic evaluation file).
import re
import sys
from typing import List, Optional

import numpy as np
from torch import nn

LAYERS = (128, 64)
DEFAULT_GRID = dict(alpha=[0.1, 1.0], l1_ratio=[0.2, 0.8])


class MLP(nn.Module):
    def __init__(self, d_in, layers=[256, 128], activation=nn.ReLU, dropout=0.1):  # expect: mutable-default-argument
        super().__init__()
        self.layers = layers
        dims = [d_in] + list(layers)
        self.body = nn.Sequential(*[nn.Linear(a, b) for a, b in zip(dims, dims[1:])])


def make_tower(d_in, layers=LAYERS, norm: Optional[str] = None, max_len=sys.maxsize):
    return [d_in, *layers]


def grid_search(model, grid=DEFAULT_GRID):  # expect: mutable-default-argument
    return [(k, v) for k, v in grid.items()]


def tokenize(text, pattern=re.compile(r"\w+"), stop=frozenset({"a", "the"}), lower=True):
    return [t for t in pattern.findall(text.lower() if lower else text) if t not in stop]


def clip(values, bounds=np.array([0.0, 1.0])):  # expect: mutable-default-argument
    return np.clip(values, *bounds)


def ensure_list(items: Optional[List[str]] = None) -> List[str]:
    items = items or []
    return list(items)


def collect(batch, *, into: List[int] = []):  # expect: mutable-default-argument
    into.extend(batch)
    return into
