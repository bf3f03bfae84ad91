# Realistic training helpers: live bugs (errors), fragile defaults (warnings), and the many
# immutable or opaque defaults that must stay silent.
import collections
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch

DEFAULT_CONFIG = {"lr": 1e-3, "epochs": 10}
DEFAULT_LAYERS = [64, 32]
DEFAULT_LAYERS = tuple(DEFAULT_LAYERS)  # rebound to a tuple before any def reads it
IGNORED_COLUMNS = frozenset({"id", "timestamp"})


def train(model, data, callbacks=[], config=DEFAULT_CONFIG):  # expect: mutable-default-argument, mutable-default-argument
    callbacks.append("early-stopping")
    config["lr"] = config["lr"] / 10
    return model.fit(data, callbacks=callbacks)


def build(layers=DEFAULT_LAYERS, dropout=0.1, activation="relu", ignored=IGNORED_COLUMNS):
    return [layers, dropout, activation, ignored]


def evaluate(model, data, device=torch.device("cpu"), dtype=np.float32, kind=list):
    return model(data.to(device, dtype)), kind


def tokenize(text, pattern=re.compile(r"\w+"), lowercase=True, stopwords=None):
    stopwords = set() if stopwords is None else set(stopwords)
    return [t for t in pattern.findall(text.lower() if lowercase else text) if t not in stopwords]


def summarize(scores, history=collections.deque(maxlen=5)):  # expect: mutable-default-argument
    history.append(np.mean(scores))
    return sum(history) / len(history)


def log_metrics(row, table=pd.DataFrame(columns=["epoch", "loss"])):  # expect: mutable-default-argument
    table.loc[len(table)] = row
    return table


def accumulate_grad(grad, buffer=torch.zeros(10)):  # expect: mutable-default-argument
    buffer.add_(grad)
    return buffer


def describe(frame, percentiles=[0.25, 0.5, 0.75]):  # expect: mutable-default-argument
    # Only read: a warning, not an error.
    return frame.describe(percentiles=percentiles)


def with_copy(values=[1.0, 2.0]):  # expect: mutable-default-argument
    values = list(values)
    values.append(3.0)
    return values


def outer():
    cache = []

    def inner(x, seen=cache):
        # A closure over a local list is deliberate sharing, not the module-level pitfall.
        seen.append(x)
        return seen

    return inner


class Pipeline:
    def __init__(self, steps=[], options={}):  # expect: mutable-default-argument, mutable-default-argument
        self.steps = steps
        self.verbose = options.get("verbose", False)

    def run(self, x, hooks=()):
        for hook in hooks:
            x = hook(x)
        return x


@dataclass
class TrainConfig:
    tags: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    seed: int = 0


squash = lambda values, out=[]: out.extend(values) or out  # expect: mutable-default-argument
identity = lambda x, default=None: x if x is not None else default
