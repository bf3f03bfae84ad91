# A small PyTorch trainer with callbacks (realistic evaluation file).
import copy
import time
from typing import Callable, Iterable, List, Optional

import torch
from torch import nn
from torch.utils.data import DataLoader


class EarlyStopping:
    def __init__(self, patience: int = 3, min_delta: float = 0.0, mode: str = "min"):
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best = None
        self.bad_epochs = 0

    def step(self, value: float) -> bool:
        if self.best is None or value < self.best - self.min_delta:
            self.best, self.bad_epochs = value, 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs > self.patience


class Trainer:
    def __init__(self, model: nn.Module, optimizer, callbacks=[], device: str = "cpu",  # expect: mutable-default-argument
                 grad_clip: Optional[float] = None, log_every: int = 50):
        self.model = model.to(device)
        self.optimizer = optimizer
        self.callbacks = callbacks
        self.device = torch.device(device)
        self.grad_clip = grad_clip
        self.log_every = log_every
        self.history: List[dict] = []

    def add_callback(self, cb: Callable) -> None:
        self.callbacks.append(cb)

    def fit(self, loader: DataLoader, epochs: int = 1, stopper: Optional[EarlyStopping] = None,
            metrics: Iterable[str] = ("loss",)):
        best_state = copy.deepcopy(self.model.state_dict())
        for epoch in range(epochs):
            start = time.time()
            running = 0.0
            for step, (x, y) in enumerate(loader):
                x, y = x.to(self.device), y.to(self.device)
                loss = nn.functional.cross_entropy(self.model(x), y)
                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                if self.grad_clip:
                    nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_clip)
                self.optimizer.step()
                running += loss.item()
            record = {"epoch": epoch, "loss": running / max(1, len(loader)), "time": time.time() - start}
            self.history.append(record)
            for cb in self.callbacks:
                cb(self, record)
            if stopper is not None and stopper.step(record["loss"]):
                break
        self.model.load_state_dict(best_state)
        return self.history


def collate(batch, keys=("input_ids", "attention_mask"), pad_value: int = 0):
    return {k: torch.stack([b[k] for b in batch]) for k in keys}


def summarize(history, fields=["loss", "time"]):  # expect: mutable-default-argument
    return [{f: h[f] for f in fields} for h in history]


def to_device(batch, device=torch.device("cpu"), non_blocking=True):
    return {k: v.to(device, non_blocking=non_blocking) for k, v in batch.items()}


def masked_mean(x, mask=torch.ones(1)):  # expect: mutable-default-argument
    return (x * mask).sum() / mask.sum()
