# MD-08: pandas DataFrame default (POSITIVE, flag line 4) (from rule-cases.md)
import pandas as pd


def append_log(row, log=pd.DataFrame(columns=["epoch", "loss"])):  # expect: mutable-default-argument
    log.loc[len(log)] = row
    return log
