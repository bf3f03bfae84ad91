import random as rnd
from random import randint, gauss
from numpy.random import randn, choice, default_rng, RandomState
import numpy as np
import sklearn
from sklearn import model_selection
from sklearn.cluster import MiniBatchKMeans
from sklearn.model_selection import KFold, GroupKFold
from sklearn.ensemble import IsolationForest


def bootstrap(values, n=1000):
    out = []
    for _ in range(n):
        sample = choice(values, size=len(values), replace=True)  # expect: unseeded-random
        out.append(sample.mean())
    return np.percentile(out, [2.5, 97.5])


def random_walk(steps):
    pos = 0
    path = []
    for _ in range(steps):
        pos += gauss(0, 1)  # expect: unseeded-random
        path.append(pos)
    return path


noise = randn(100)  # expect: unseeded-random
k = randint(1, 10)  # expect: unseeded-random
pick = rnd.choice(["a", "b", "c"])  # expect: unseeded-random
gen = default_rng(seed=None)  # expect: unseeded-random
legacy = RandomState()  # expect: unseeded-random
ok_gen = default_rng(12345)
vals = ok_gen.integers(0, 10, size=5)

kf = KFold(n_splits=5, shuffle=True)  # expect: unseeded-random
kf2 = KFold(5, shuffle=True, random_state=1)
gkf = GroupKFold(n_splits=3)
iso = IsolationForest(contamination=0.01, random_state=None)  # expect: unseeded-random
mbk = MiniBatchKMeans(n_clusters=8, random_state=np.random.RandomState(0))
tr, te = model_selection.train_test_split(np.arange(10), test_size=0.3, random_state=0)
print(bootstrap(noise), random_walk(5)[-1], k, pick, vals)
