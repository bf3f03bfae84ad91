# Chained indexing as it appears in real scripts. Every marked line must be reported.
import pandas as pandas_lib

sales = pandas_lib.read_csv("sales.csv")
stores = pandas_lib.read_csv("stores.csv")
merged = pandas_lib.merge(sales, stores, on="store_id")

merged["revenue"][0] += 1.0  # expect: chained-indexing
merged.loc[:, "revenue"][0] = 0.0  # expect: chained-indexing
merged["units"].at[0] = 1  # expect: chained-indexing
merged["units"][0], merged["revenue"][0] = 1, 2.0  # expect: chained-indexing, chained-indexing

recent = sales.query("year >= 2020")
recent[recent.units > 10]["bulk"] = True  # expect: chained-indexing
clean = sales.dropna()
clean.units[clean.units < 0] = 0  # expect: chained-indexing

sales[["units", "revenue"]].fillna(0, inplace=True)  # expect: chained-indexing
sales.region.replace({"N": "North"}, inplace=True)  # expect: chained-indexing
sales.loc[sales.units > 0, "revenue"].clip(lower=0, inplace=True)  # expect: chained-indexing

for col in sales.columns:
    sales[col][sales[col] < 0] = 0  # expect: chained-indexing

top_region = sales[sales.revenue > 1000]["region"]  # expect: chained-indexing
first_units = sales["units"][0]  # expect: chained-indexing


def flag_outliers(frame: pandas_lib.DataFrame, limit: float) -> pandas_lib.DataFrame:
    frame[frame["revenue"] > limit]["outlier"] = True  # expect: chained-indexing
    return frame


def fill_region(table):
    table.loc[table.region.isna()]["region"] = "unknown"  # expect: chained-indexing
    return table


for key, group in sales.groupby("store_id"):
    print(key, group["units"][0])  # expect: chained-indexing

sales["units"][sales["units"] > 100][0] = 100  # expect: chained-indexing


def attach_regions(frame, regions):
    # merge is a DataFrame method: frame is a DataFrame even without an annotation.
    enriched = frame.merge(regions, on="region_id", how="left")
    frame["region"][frame["region"].isna()] = "other"  # expect: chained-indexing
    return enriched

train_df = pandas_lib.read_csv("train.csv")
test_df = pandas_lib.read_csv("test.csv")
combine = [train_df, test_df]
for dataset in combine:
    dataset["Age"].fillna(dataset["Age"].median(), inplace=True)  # expect: chained-indexing
    dataset.loc[dataset["Age"] <= 16, "Age"] = 0

history = pandas_lib.DataFrame.from_records([{"day": 1, "units": 3}])
full = history.append(sales)
full["units"][full["units"] < 0] = 0  # expect: chained-indexing


def load_inventory(path):
    inventory = pandas_lib.read_csv(path)
    return inventory.dropna(subset=["sku"])


stock = load_inventory("stock.csv")
stock["count"][stock["count"] < 0] = 0  # expect: chained-indexing
