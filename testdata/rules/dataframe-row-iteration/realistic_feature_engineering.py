# Store sales feature engineering (realistic evaluation file): some row loops, many column-wise idioms.
from collections import defaultdict

import numpy as np
import pandas as pd
from tqdm import tqdm

tqdm.pandas()

sales = pd.read_csv("sales.csv", parse_dates=["date"])
stores = pd.read_csv("stores.csv")
holidays = pd.read_csv("holidays.csv", parse_dates=["date"])

# Column-wise: fine.
sales["dow"] = sales["date"].dt.dayofweek
sales["month"] = sales["date"].dt.month
sales["log_sales"] = np.log1p(sales["sales"])
sales["promo_flag"] = sales["onpromotion"].apply(lambda n: int(n > 0))
sales["family"] = sales["family"].map(str.lower)
for col in ["sales", "onpromotion"]:
    sales[f"{col}_lag7"] = sales.groupby(["store_nbr", "family"])[col].shift(7)
for col in sales.columns:
    if sales[col].dtype == object:
        sales[col] = sales[col].astype("category")

# Row by row: slow.
store_type = {}
for _, row in stores.iterrows():  # expect: dataframe-row-iteration
    store_type[row["store_nbr"]] = row["type"]

holiday_names = defaultdict(list)
for h in holidays.itertuples(index=False):  # expect: dataframe-row-iteration
    holiday_names[h.date].append(h.description)

sales["is_payday"] = sales.apply(  # expect: dataframe-row-iteration
    lambda r: r["date"].day == 15 or r["date"].is_month_end, axis=1)
sales["weight"] = sales.progress_apply(lambda r: 1.25 if r["perishable"] else 1.0, axis="columns")  # expect: dataframe-row-iteration

for i in range(len(stores)):  # expect: dataframe-row-iteration
    stores.loc[i, "cluster_name"] = f"cluster-{stores.loc[i, 'cluster']}"

# Groups and plain containers: fine.
summaries = []
for (store, family), group in sales.groupby(["store_nbr", "family"]):
    summaries.append((store, family, group["sales"].sum()))
weekly = sales.groupby("store_nbr")["sales"].apply(lambda s: s.rolling(7).mean())
top = sales.nlargest(10, "sales")
records = [(a, b) for a, b in zip(top["store_nbr"], top["sales"])]
preds = np.zeros(len(sales))
for i in range(len(preds)):
    preds[i] = preds[i - 1] * 0.9 if i else 0.0
stats = sales.agg(["mean", "std"])
per_column_range = sales[["sales", "onpromotion"]].apply(lambda c: c.max() - c.min())
