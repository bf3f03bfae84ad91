# Cleaning helpers called on DataFrames read in the same script (realistic evaluation file): the
# helpers' parameters carry no annotation, so their kind comes from what every call passes.
import numpy as np
import pandas as pd


def clip_ages(df):
    df["age"][df["age"] > 100] = 100  # expect: chained-indexing
    return df


def mask_labels(batch):
    # Called with a dict of arrays below: item assignment on an array updates it in place.
    batch["labels"][batch["mask"] == 0] = -100
    return batch


def fill_income(frame, value=0.0):
    frame["income"].fillna(value, inplace=True)  # expect: chained-indexing
    return frame


people = pd.read_csv("people.csv")
people = clip_ages(people)
people = fill_income(people, value=people["income"].median())
extra = fill_income(pd.read_csv("extra.csv"))
batch = mask_labels({"labels": np.arange(8), "mask": np.ones(8)})
