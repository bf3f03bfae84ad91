"""Misc helpers shared by the training scripts."""
import collections
from collections import defaultdict, OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import pandas as pd
import torch

DEFAULT_METRICS = ["accuracy", "f1"]
DEFAULT_SHAPE = (224, 224)


def log_metrics(step, values, history=[]):  # expect: mutable-default-argument
    history.append((step, values))
    return history


def build_optimizer(model, lr=1e-3, betas=(0.9, 0.999), extra_params={}):  # expect: mutable-default-argument
    return torch.optim.Adam(model.parameters(), lr=lr, betas=betas, **extra_params)


def evaluate(model, loader, metrics=DEFAULT_METRICS):  # expect: mutable-default-argument
    results = {m: 0.0 for m in metrics}
    return results


def resize(img, shape=DEFAULT_SHAPE, keep=frozenset({"rgb"})):
    return img


def count_tokens(texts, counter=collections.Counter()):  # expect: mutable-default-argument
    for t in texts:
        counter.update(t.split())
    return counter


def group(items, *, buckets=defaultdict(list)):  # expect: mutable-default-argument
    for k, v in items:
        buckets[k].append(v)
    return buckets


def normalize(x, mean=np.array([0.485, 0.456, 0.406]), std=np.array([0.229, 0.224, 0.225])):  # expect: mutable-default-argument, mutable-default-argument
    return (x - mean) / std


def fill(df, values=pd.Series(dtype=float)):  # expect: mutable-default-argument
    return df.fillna(values)


def make_mask(n, base=torch.zeros(10)):  # expect: mutable-default-argument
    return base[:n]


def safe(config: Optional[Dict] = None, tags: tuple = ("a", "b"), name=None):
    config = config or {}
    return config, tags, name


def seen(x, cache=set()):  # expect: mutable-default-argument
    if x in cache:
        return True
    cache.add(x)
    return False


key_fn = lambda row, cols=[0, 1]: tuple(row[c] for c in cols)  # expect: mutable-default-argument


async def fetch(urls, session=None, headers=dict()):  # expect: mutable-default-argument
    return [(u, headers) for u in urls]


def ordered(pairs, /, into=OrderedDict()):  # expect: mutable-default-argument
    into.update(pairs)
    return into


@dataclass
class TrainConfig:
    lr: float = 1e-3
    layers: List[int] = field(default_factory=lambda: [64, 64])
    tags: Dict[str, str] = field(default_factory=dict)


class Tracker:
    def __init__(self, name, values=[]):  # expect: mutable-default-argument
        self.name = name
        self.values = values

    def update(self, v, weights={k: 1.0 for k in "abc"}):  # expect: mutable-default-argument
        self.values.append(v * weights.get(self.name, 1.0))
