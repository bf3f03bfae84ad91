import os
import random

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.datasets import make_classification


def seed_all(seed: int = 42):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


CONFIG = {"seed": 1234, "n": 1000, "test_size": 0.2}

seed_all(CONFIG["seed"])

X, y = make_classification(n_samples=CONFIG["n"], n_features=20, random_state=CONFIG["seed"])
noise = torch.randn(CONFIG["n"], 20)
aug_idx = random.sample(range(CONFIG["n"]), 100)
dropout_mask = torch.bernoulli(torch.full((CONFIG["n"],), 0.9))

rng = np.random.default_rng(CONFIG["seed"])
jitter = rng.normal(0, 0.01, size=X.shape)
X = X + jitter

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=CONFIG["test_size"], random_state=CONFIG["seed"])
gbm = GradientBoostingClassifier(n_estimators=100, subsample=0.8, random_state=CONFIG["seed"])
gbm.fit(X_tr, y_tr)
print(gbm.score(X_te, y_te))

g = torch.Generator().manual_seed(7)
sample = torch.randint(0, 10, (5,), generator=g)
