from concurrent.futures import ThreadPoolExecutor
import pandas as pd
import torch
from torch.optim.lr_scheduler import LambdaLR


def run_all(configs, train_fn):
    futures = []
    with ThreadPoolExecutor(max_workers=4) as ex:
        for cfg in configs:
            name = cfg["name"]
            futures.append(ex.submit(lambda: train_fn(name, cfg)))  # expect: late-binding-closure
    return [f.result() for f in futures]


def schedulers(optimizers, decays):
    out = []
    for opt, decay in zip(optimizers, decays):
        out.append(LambdaLR(opt, lambda epoch: decay ** epoch))  # expect: late-binding-closure
    return out


def quantile_table(df: pd.DataFrame, qs):
    parts = {}
    for q in qs:
        parts[q] = df.groupby("group")["value"].agg(lambda s: s.quantile(q))
        parts[f"{q}_t"] = df["value"].transform(lambda v: v * q)
    return pd.DataFrame(parts)


def scaled(xs, factors):
    res = []
    for k in factors:
        res.append(list(map(lambda x: x * k, xs)))
        res.append(max(xs, key=lambda x: abs(x - k)))
    return res


def make_metrics(thresholds):
    return {t: (lambda p: (p > t).float().mean()) for t in thresholds}  # expect: late-binding-closure


def make_metrics_ok(thresholds):
    return {t: (lambda p, t=t: (p > t).float().mean()) for t in thresholds}


class EarlyStopping:
    def __init__(self):
        self.checks = []

    def watch(self, metrics):
        for m in metrics:
            limit = m.upper()
            self.checks.append(lambda logs: logs[m] < 0.01)  # expect: late-binding-closure
