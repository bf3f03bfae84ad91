# Realistic closures in loops: hooks, callbacks, schedulers and threads that keep the closure
# (findings), and the synchronous uses that must stay silent.
import functools
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import torch


def capture_activations(model):
    features = {}
    for name, layer in model.named_children():
        layer.register_forward_hook(lambda mod, inp, out: features.__setitem__(name, out))  # expect: late-binding-closure
    return features


def capture_activations_fixed(model):
    features = {}
    for name, layer in model.named_children():
        layer.register_forward_hook(lambda mod, inp, out, name=name: features.__setitem__(name, out))
        layer.register_forward_hook(functools.partial(lambda key, mod, inp, out: None, name))
    return features


def schedulers(optimizer, rates):
    built = []
    for rate in rates:
        built.append(torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: rate ** epoch))  # expect: late-binding-closure
    return built


def train_folds(train, folds):
    with ThreadPoolExecutor() as pool:
        futures = [pool.submit(lambda: train(fold)) for fold in folds]  # expect: late-binding-closure
    return [f.result() for f in futures]


def start_workers(shards):
    threads = []
    for shard in shards:
        worker = threading.Thread(target=lambda: print("loading", shard))  # expect: late-binding-closure
        worker.start()
        threads.append(worker)
    return threads


def normalise(df: pd.DataFrame, mapping):
    for col in df.columns:
        df[col] = df[col].map(lambda v: mapping[col].get(v, v))
        df[col] = df[col].apply(lambda v: v / df[col].max())
    return df


def rank(items, keys):
    ranked = {}
    for k in keys:
        ranked[k] = sorted(items, key=lambda it: it[k])
        ranked[k + "_best"] = max(items, key=lambda it: it[k])
        ranked[k + "_pos"] = list(filter(lambda it: it[k] > 0, items))
    return ranked


def clean(text, replacements):
    for pattern, repl in replacements:
        text = re.sub(pattern, lambda m: repl.upper(), text)
    return text


def epochs(model, batches, n):
    losses = []
    for epoch in range(n):
        loss_fn = lambda y, t: ((y - t) ** 2).mean() * epoch
        for x, t in batches:
            losses.append(loss_fn(model(x), t))

        def log(value):
            return f"epoch {epoch}: {value}"
        print(log(losses[-1]))
    return losses


def check(fn):
    return fn()


def helpers_that_only_call(values):
    out = []
    for v in values:
        out.append(check(lambda: v * 2))
    return out


def weighted(weights):
    return {name: (lambda x: x * w) for name, w in weights.items()}  # expect: late-binding-closure


def lazy(values):
    return (lambda: v for v in values)  # expect: late-binding-closure


def retry(tasks):
    pending = []
    attempt = 0
    while attempt < 3:
        delay = 2 ** attempt
        pending.append(lambda: delay)  # expect: late-binding-closure
        attempt += 1
    return pending


def not_rebound(items, base):
    callbacks = []
    for _ in items:
        callbacks.append(lambda: base + 1)
    last = None
    for last in items:
        pass
    after = lambda: last
    return callbacks, after


def test_raises(case, values):
    for value in values:
        case.assertRaises(ValueError, lambda: int(value))


def wrappers(values, rows):
    import functools
    import numpy as np
    kept = []
    for v in values:
        rows.sort(key=functools.cmp_to_key(lambda a, b: (a - v) - (b - v)))
        np.vectorize(lambda x: x * v)(rows)
        kept.append(functools.partial(lambda x, y: x + y + v, 1))  # expect: late-binding-closure
    return kept


def per_epoch_comprehensions(optimizers, epochs):
    schedules = []
    for epoch in range(epochs):
        schedules.extend([lambda step: step * epoch for _ in optimizers])  # expect: late-binding-closure
        totals = [sum(map(lambda o: o.lr * epoch, optimizers)) for _ in range(2)]
        print(totals)
    return schedules


def grid(xs, ys):
    cells = []
    for x in xs:
        for y in ys:
            cells.append(lambda: (x, y))  # expect: late-binding-closure
    return cells
