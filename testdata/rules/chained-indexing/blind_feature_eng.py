import numpy as np
import pandas as pd


def load_sales(path="sales.csv"):
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values("date").reset_index(drop=True)
    return df


sales = load_sales()
sales["month"] = sales["date"].dt.month

# clean up obviously broken prices
sales[sales["price"] < 0]["price"] = np.nan  # expect: chained-indexing
sales["price"].fillna(sales["price"].median(), inplace=True)  # expect: chained-indexing
sales["qty"][sales["qty"] > 1000] = 1000  # expect: chained-indexing
sales.loc[sales["store"] == 7]["region"] = "north"  # expect: chained-indexing
sales["promo"].iloc[0] = 0  # expect: chained-indexing

# correct versions
sales.loc[sales["price"] < 0, "price"] = np.nan
sales["price"] = sales["price"].fillna(0)
sales.loc[sales["qty"] > 1000, "qty"] = 1000
sales.at[0, "promo"] = 0

first_price = sales["price"][0]  # expect: chained-indexing
last_qty = sales["qty"].iloc[-1]
top = sales[sales["qty"] > 10]["store"].unique()  # expect: chained-indexing

subset = sales[sales["region"] == "south"].copy()
subset["discount"] = subset["price"] * 0.1
subset.loc[:, "flag"] = 1

frames = {"a": sales, "b": subset}
frames["a"]["price"] = 0
arr = np.zeros((10, 3))
arr[2][1] = 5.0
nested = [[1, 2], [3, 4]]
nested[0][1] = 9

for _, row in sales.head(3).iterrows():
    print(row["store"], row["price"])

weekly = sales.groupby("store").agg(total=("qty", "sum"))
weekly["total"][3] = 0  # expect: chained-indexing
