# Row loops as they appear in real scripts: wrappers, aliases, frames from readers,
# merges, queries and typed parameters. Every marked line must be reported.
import asyncio

import numpy as np
import pandas as pandas_lib
from tqdm.auto import tqdm

orders = pandas_lib.read_csv("orders.csv")
customers = pandas_lib.read_parquet("customers.parquet")
joined = pandas_lib.merge(orders, customers, on="customer_id")

for i, (idx, row) in enumerate(joined.iterrows()):  # expect: dataframe-row-iteration
    print(i, idx, row["amount"])

for idx, row in tqdm(joined.iterrows(), total=len(joined)):  # expect: dataframe-row-iteration
    print(idx, row["amount"])

big = orders.query("amount > 100")
amounts = {idx: row.amount for idx, row in big.iterrows()}  # expect: dataframe-row-iteration
total = sum(r.amount for r in orders.dropna().itertuples())  # expect: dataframe-row-iteration

rows = orders.iterrows()
for idx, row in rows:  # expect: dataframe-row-iteration
    print(idx, row)

labels = []
for i in tqdm(range(len(orders))):  # expect: dataframe-row-iteration
    labels.append("high" if orders.loc[i, "amount"] > 100 else "low")

n_rows = len(customers)
for i in range(1, n_rows):  # expect: dataframe-row-iteration
    customers.iat[i, 2] = customers.iat[i - 1, 2] + 1

for label in orders.index:  # expect: dataframe-row-iteration
    orders.at[label, "tax"] = orders.at[label, "amount"] * 0.2

for i in range(len(orders.index)):  # expect: dataframe-row-iteration
    orders["amount"].iloc[i] = round(orders["amount"].iloc[i], 2)

prices = [orders["amount"][i] * 2 for i in range(orders.shape[0])]  # expect: dataframe-row-iteration


def score(frame: pandas_lib.DataFrame) -> float:
    result = 0.0
    for k in range(len(frame)):  # expect: dataframe-row-iteration
        result += frame.price[k] * frame.qty[k]
    return result


def normalise(frame: pandas_lib.DataFrame):
    frame["z"] = frame.apply(lambda r: (r.x - r.mu) / r.sd, 1)  # expect: dataframe-row-iteration
    frame["w"] = frame.apply(np.sum, axis=1, raw=True)  # expect: dataframe-row-iteration
    return frame


async def upload(frame):
    await asyncio.sleep(0)
    return [r for _, r in frame.iterrows() if r.ok]  # expect: dataframe-row-iteration


orders["label"] = orders.progress_apply(lambda r: r.a + r.b, axis="columns")  # expect: dataframe-row-iteration
position = 0
found = False
while not found and position < orders.shape[0]:  # expect: dataframe-row-iteration
    found = orders.loc[position, "amount"] > 1000
    position += 1
position = 0
while position < orders.shape[0]:  # expect: dataframe-row-iteration
    print(orders.iloc[position])
    position += 1


def lagged_sum(frame):
    out = [0.0] * len(frame)
    for i in range(1, len(frame)):  # expect: dataframe-row-iteration
        out[i] = frame["A"][i - 1] + frame["A"][i]
    return out


def mark_resistance(frame, window):
    for i in range(window, len(frame) - window):  # expect: dataframe-row-iteration
        if frame[window_column(window)].iloc[i] > 0:
            frame.loc[frame.index[i], "resistance"] = True
    return frame


def window_column(window):
    return f"high_{window}"


def mark_support(frame: pandas_lib.DataFrame):
    for i in range(len(frame)):  # expect: dataframe-row-iteration
        frame.loc[frame.index[i], "support"] = i % 2 == 0


def predict_one_by_one(model, features: pandas_lib.DataFrame):
    n_rows, n_cols = features.shape
    predictions = []
    for i in range(n_rows):  # expect: dataframe-row-iteration
        predictions.append(model.predict(features.iloc[[i]]))
    for label in features.index.tolist():  # expect: dataframe-row-iteration
        features.at[label, "checked"] = True
    return predictions
