import numpy as np
import torch
import pandas as pd

ANCHORS = [(10, 13), (16, 30)]
EPS = 1e-6


def iou(boxes, anchors=ANCHORS):  # expect: mutable-default-argument
    return [min(b, a) for b, a in zip(boxes, anchors)]


def scale(x, factor=torch.tensor([1.0, 1.0])):  # expect: mutable-default-argument
    return x * factor


def grid(shape=[3, 3]):  # expect: mutable-default-argument
    return np.zeros(shape)


def weights(n, init=np.ones(4)):  # expect: mutable-default-argument
    init *= n
    return init


def clip(x, lo=np.float32(0.0), hi=np.inf, dtype=np.float32, eps=EPS):
    return np.clip(x, lo, hi).astype(dtype) + eps


def stack(rows, cols=tuple(["a", "b"]), frame_cls=pd.DataFrame):
    return frame_cls(rows, columns=list(cols))
