"""Feature helpers imported by the training scripts (realistic evaluation file)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List

import numpy as np
import pandas as pd


@dataclass
class FeatureConfig:
    target: str = "label"
    date_column: str = "date"
    drop: List[str] = field(default_factory=list)
    fill_values: Dict[str, float] = field(default_factory=dict)


def read_frame(path: str) -> pd.DataFrame:
    return pd.read_csv(path)


def add_calendar(df: pd.DataFrame, cfg: FeatureConfig) -> pd.DataFrame:
    dates = pd.to_datetime(df[cfg.date_column])
    df["year"] = dates.dt.year
    df["weekend"] = dates.dt.dayofweek >= 5
    df["weekend"][df["year"] < 2000] = False  # expect: chained-indexing
    return df


def fill_missing(df: pd.DataFrame, cfg: FeatureConfig) -> pd.DataFrame:
    for col, value in cfg.fill_values.items():
        df[col].fillna(value, inplace=True)  # expect: chained-indexing
    return df


def clip_outliers(df: pd.DataFrame, columns: list[str], q: float = 0.99) -> pd.DataFrame:
    limits = df[columns].quantile(q)
    for col in columns:
        df.loc[df[col] > limits[col], col] = limits[col]
    return df


def target_stats(df: pd.DataFrame, cfg: FeatureConfig) -> dict:
    counts = df[cfg.target].value_counts()
    return {"positive": counts[1] if 1 in counts.index else 0, "first": df[cfg.target].iloc[0]}


def build(path: str, cfg: FeatureConfig | None = None) -> pd.DataFrame:
    cfg = cfg or FeatureConfig()
    df = read_frame(path)
    df = add_calendar(df, cfg)
    df = fill_missing(df, cfg)
    df = df.drop(columns=cfg.drop)
    df[df["year"] == 1999]["weekend"] = True  # expect: chained-indexing
    arr = np.asarray(df.select_dtypes("number"))
    arr[0][0] = 0.0
    return df
