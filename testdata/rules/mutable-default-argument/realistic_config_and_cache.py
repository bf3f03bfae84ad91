"""Experiment configuration and caching utilities (realistic evaluation file)."""
import argparse
import functools
import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

DEFAULT_METRICS = ["accuracy", "f1"]
DEFAULT_PARAMS = {"learning_rate": 0.05, "num_leaves": 31}
ALLOWED_SPLITS = ("train", "valid", "test")
TOKEN = re.compile(r"\w+")


@dataclass
class TrainConfig:
    lr: float = 3e-4
    epochs: int = 10
    layers: Tuple[int, ...] = (256, 128)
    metrics: List[str] = field(default_factory=lambda: list(DEFAULT_METRICS))
    extra: Dict[str, Any] = field(default_factory=dict)
    output_dir: Path = Path("runs")


def memoize(func, cache={}):  # expect: mutable-default-argument
    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]
    return wrapper


def tokenize(text, _seen=set()):  # expect: mutable-default-argument
    tokens = TOKEN.findall(text.lower())
    _seen.update(tokens)
    return tokens


def evaluate(y_true, y_pred, metrics=DEFAULT_METRICS):  # expect: mutable-default-argument
    return {name: 0.0 for name in metrics}


def lgb_params(overrides: Optional[dict] = None, base=DEFAULT_PARAMS):  # expect: mutable-default-argument
    params = dict(base)
    params.update(overrides or {})
    return params


def split_names(splits: Sequence[str] = ALLOWED_SPLITS, sep: str = ",") -> str:
    return sep.join(splits)


def load_tables(paths=None, index_col=None, dtype: Optional[Dict[str, str]] = None):
    paths = paths or []
    return [pd.read_csv(p, index_col=index_col, dtype=dtype) for p in paths]


def normalise(x, mean=np.zeros(3), std=np.ones(3)):  # expect: mutable-default-argument, mutable-default-argument
    return (x - mean) / std


def group_counts(pairs, counts=defaultdict(int)):  # expect: mutable-default-argument
    for key, _ in pairs:
        counts[key] += 1
    return counts


def make_vocab(specials=("<pad>", "<unk>"), min_freq=2, lower=True, frozen=frozenset({"<pad>"})):
    return OrderedDict((s, i) for i, s in enumerate(specials))


def build_parser(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--metrics", nargs="+", default=["accuracy"])
    parser.add_argument("--tags", action="append", default=[])
    return parser.parse_args(argv)


score = lambda preds, history=[]: history.append(preds) or len(history)  # expect: mutable-default-argument
