# Gradient monitoring and small factories (realistic evaluation file).
import torch
from torch import nn

model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
grad_norms = {}

for name, param in model.named_parameters():
    param.register_hook(lambda grad: grad_norms.__setitem__(name, grad.norm().item()))  # expect: late-binding-closure

powers = [lambda x: x ** p for p in range(1, 4)]  # expect: late-binding-closure
safe_powers = [lambda x, p=p: x ** p for p in range(1, 4)]
squares = [(lambda x: x * x)(v) for v in range(5)]


def build_scorers(thresholds):
    scorers = []
    for t in thresholds:
        def scorer(probs):
            return (probs > t).float().mean()  # expect: late-binding-closure
        scorers.append(scorer)
    return scorers


def train_epochs(optimizer, loss_fn, data, epochs=3):
    for epoch in range(epochs):
        for x, y in data:
            def closure():
                optimizer.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                return loss
            optimizer.step(closure)


def pick_best(candidates, metric_name):
    results = []
    for metric in ("auc", "f1"):
        best = max(candidates, key=lambda c: c[metric])
        results.append((metric, best))
    return results
