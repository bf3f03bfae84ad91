"""Monte Carlo simulation of queue waiting times."""
import numpy as np
from numpy.random import exponential, uniform

SEED = 2024


def simulate(n_customers, rate=1.0, service=0.8):
    arrivals = np.cumsum(exponential(1.0 / rate, n_customers))  # expect: legacy-global-random
    services = exponential(service, n_customers)  # expect: legacy-global-random
    start = np.zeros(n_customers)
    for i in range(1, n_customers):
        start[i] = max(arrivals[i], start[i - 1] + services[i - 1])
    return start - arrivals


def jitter(x, scale=0.1):
    return x + uniform(-scale, scale, size=len(x))  # expect: legacy-global-random


def simulate_rng(n, seed=SEED):
    rng = np.random.default_rng(seed)
    return rng.exponential(1.0, n)


if __name__ == "__main__":
    np.random.seed(SEED)
    waits = simulate(10_000)
    print(waits.mean(), jitter(waits[:5]))
    idx = np.random.choice(len(waits), size=10)  # expect: legacy-global-random
    print(simulate_rng(5), np.random.RandomState(SEED).rand(2))
