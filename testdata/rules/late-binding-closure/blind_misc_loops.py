import atexit
import os
import threading

import pandas as pd


class Record:
    pass


def add_getters(fields):
    for f in fields:
        setattr(Record, "get_" + f, lambda self: getattr(self, "_" + f))  # expect: late-binding-closure


def cleanup_later(paths):
    for path in paths:
        atexit.register(lambda: os.remove(path))  # expect: late-binding-closure


def timers(delays):
    out = []
    for i, d in enumerate(delays):
        t = threading.Timer(d, lambda: print("fired", i))  # expect: late-binding-closure
        t.start()
        out.append(t)
    return out


def assign_cols(df: pd.DataFrame, cols):
    for col in cols:
        df = df.assign(**{col + "_x2": lambda d: d[col] * 2})
    return df


def filters(df: pd.DataFrame, thresholds):
    kept = []
    for th in thresholds:
        kept.append(df[df["v"].map(lambda v: v > th)])
        kept.append(list(filter(lambda v: v > th, df["v"])))
    return kept
