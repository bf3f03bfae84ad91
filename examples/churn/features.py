"""Feature engineering for the churn model."""
import pandas as pd


def add_columns(frame, names=[]):
    # The default list is created once and shared by every call.
    for name in names:
        frame[name] = 0.0
    names.append("touched")
    return frame


def make_scalers(factors):
    # Every lambda sees the loop variable's last value, not the one of its iteration.
    scalers = []
    for factor in factors:
        scalers.append(lambda value: value * factor)
    return scalers


def total_spend(frame: pd.DataFrame) -> float:
    total = 0.0
    for _, row in frame.iterrows():
        total += row["monthly_charges"] * row["tenure"]
    return total


def flag_new_customers(frame: pd.DataFrame) -> pd.DataFrame:
    # Writes into a temporary copy: frame itself may stay unchanged.
    frame[frame["tenure"] < 3]["is_new"] = True
    return frame
