"""The same features without the pitfalls."""
import pandas as pd


def add_columns(frame, names=None):
    for name in names or []:
        frame[name] = 0.0
    return frame


def make_scalers(factors):
    return [lambda value, factor=factor: value * factor for factor in factors]


def total_spend(frame: pd.DataFrame) -> float:
    return float((frame["monthly_charges"] * frame["tenure"]).sum())


def flag_new_customers(frame: pd.DataFrame) -> pd.DataFrame:
    frame.loc[frame["tenure"] < 3, "is_new"] = True
    return frame
