import threading
import functools
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import torch
from torch import nn


class Trainer:
    def __init__(self, model):
        self.model = model
        self.callbacks = []
        self.activations = {}

    def add_callback(self, fn):
        self.callbacks.append(fn)

    def register_hooks(self):
        for name, module in self.model.named_modules():
            module.register_forward_hook(lambda m, inp, out: self.activations.__setitem__(name, out))  # expect: late-binding-closure

    def register_hooks_fixed(self):
        for name, module in self.model.named_modules():
            module.register_forward_hook(functools.partial(self._save, name))
            module.register_forward_hook(lambda m, inp, out, name=name: self.activations.__setitem__(name, out))

    def _save(self, name, m, inp, out):
        self.activations[name] = out


def make_schedulers(milestones):
    fns = []
    for ms in milestones:
        fns.append(lambda epoch: 0.1 if epoch > ms else 1.0)  # expect: late-binding-closure
    return fns


def make_transforms(scales):
    transforms = {}
    for s in scales:
        def t(x):
            return x * s  # expect: late-binding-closure
        transforms[s] = t
    return transforms


def run_workers(shards):
    threads = []
    for i, shard in enumerate(shards):
        th = threading.Thread(target=lambda: print(i, len(shard)))  # expect: late-binding-closure
        th.start()
        threads.append(th)
    for th in threads:
        th.join()


def summarize(df: pd.DataFrame, cols):
    out = {}
    for c in cols:
        out[c] = df[c].apply(lambda v: v / df[c].max())
        out[c + "_sorted"] = sorted(df[c].tolist(), key=lambda v: abs(v - df[c].mean()))
    return out


def immediate(values):
    results = []
    for k in range(3):
        f = lambda x: x + k
        results.append(f(values))
    return results


def plot_buttons(names):
    fig, ax = plt.subplots()
    handlers = [lambda event: print("clicked", n) for n in names]  # expect: late-binding-closure
    return fig, handlers


def powers(n):
    return [lambda x, p=p: x ** p for p in range(n)]


def gen_scorers(thresholds):
    for t in thresholds:
        yield lambda y: (np.asarray(y) > t).mean()  # expect: late-binding-closure
