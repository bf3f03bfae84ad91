# Closures made in a loop and run at once by numeric consumers: none outlives its iteration.
import numpy as np
from scipy.optimize import minimize, brentq
from scipy import integrate
import torch

def fit_all(datasets, x0):
    results = []
    for i, data in enumerate(datasets):
        res = minimize(lambda w: np.sum((data @ w) ** 2) + i, x0)
        results.append(res.x)
        root = brentq(lambda t: t ** 2 - i, 0, 10)
        area, _ = integrate.quad(lambda t: t * i, 0, 1)
        rows = np.apply_along_axis(lambda r: r * i, 1, data)
        vec = np.vectorize(lambda v: v + i)(data)
        mapped = list(map(lambda v: v * i, data))
        t = torch.tensor(data).apply_(lambda v: v * i)
        custom = helper(lambda v: v * i)
    return results

def helper(fn):
    return fn(1)

def closure_opt(model, batches, optimizer):
    for xb, yb in batches:
        def closure():
            optimizer.zero_grad()
            loss = ((model(xb) - yb) ** 2).mean()
            loss.backward()
            return loss
        optimizer.step(closure)
