#!/usr/bin/env python3
# nightly ETL: orders -> features table
import sqlite3
import sys

import pandas as pd
from tqdm import tqdm

DB = sys.argv[1] if len(sys.argv) > 1 else "shop.db"


def row_total(r):
    return r["qty"] * r["unit_price"] * (1 - r["discount"])


def main():
    con = sqlite3.connect(DB)
    orders = pd.read_sql("select * from orders", con)
    customers = pd.read_sql("select * from customers", con)
    merged = orders.merge(customers, on="customer_id", how="left")

    merged["total"] = merged.apply(row_total, axis=1)  # expect: dataframe-row-iteration
    merged["flag"] = merged.apply(lambda x: x["total"] > 100 and x["country"] == "DE", 1)  # expect: dataframe-row-iteration
    merged["country"] = merged["country"].apply(str.upper)
    merged = merged.applymap(lambda v: v.strip() if isinstance(v, str) else v)

    for index, row in tqdm(merged.iterrows(), total=len(merged)):  # expect: dataframe-row-iteration
        if row["total"] < 0:
            print("negative total", index)

    for n, rec in enumerate(merged.itertuples(name=None)):  # expect: dataframe-row-iteration
        if n > 5:
            break

    for i in merged.index:  # expect: dataframe-row-iteration
        merged.loc[i, "bucket"] = int(merged.loc[i, "total"] // 50)

    jumps = 0
    for i in range(len(merged) - 1):  # expect: dataframe-row-iteration
        if merged.iat[i + 1, 0] != merged.iat[i, 0]:
            jumps += 1

    names = list(merged["name"])
    for i in range(len(names)):
        names[i] = names[i].title()

    per_country = merged.groupby("country").apply(lambda g: g["total"].sum())
    for country, total in per_country.items():
        print(country, total)

    merged.to_sql("features", con, if_exists="replace")


if __name__ == "__main__":
    main()
