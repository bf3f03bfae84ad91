# Data utilities with defaults that look mutable but are not, and a few that are (realistic evaluation file).
import os
from collections import Counter, deque
from types import MappingProxyType

import numpy as np
import pandas as pd
import torch

EMPTY = MappingProxyType({})


def make_loader(dataset, collate_fn=None, factory=list, container_type=dict, dtype=np.float32):
    return factory(dataset)


def pad(seq, length, value=np.float32(0), device=torch.device("cpu")):
    return seq + [value] * (length - len(seq))


def window(seq, size=3, buffer=deque(maxlen=3)):  # expect: mutable-default-argument
    for item in seq:
        buffer.append(item)
        yield tuple(buffer)


def count_tokens(texts, counter=Counter()):  # expect: mutable-default-argument
    for t in texts:
        counter.update(t.split())
    return counter


def summarise(df=pd.DataFrame(), by=("a",), options=EMPTY):  # expect: mutable-default-argument
    return df.groupby(list(by)).size()


def env_path(name, default=os.sep.join(["data", "raw"]), sizes=tuple([1, 2, 3])):
    return os.environ.get(name, default)


def weights(n, init=torch.zeros(4)):  # expect: mutable-default-argument
    init += 1
    return init[:n]


def standardize(x, eps=1e-8, axis=0, ddof=0, clip=(-5.0, 5.0)):
    return np.clip((x - x.mean(axis)) / (x.std(axis, ddof=ddof) + eps), *clip)
