# Demand forecasting with a chronological holdout made by slicing (realistic evaluation file).
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.preprocessing import MinMaxScaler, StandardScaler

demand = pd.read_csv("demand.csv", parse_dates=["date"]).sort_values("date")
features = ["temp", "holiday", "price", "lag_7", "lag_28"]
horizon = 90


def make_windows(values: np.ndarray, size: int = 30):
    return np.stack([values[i:i + size] for i in range(len(values) - size)])


# Leaky: the scaler sees the last 90 days before they are cut off as the holdout.
series = demand["units"].to_numpy().reshape(-1, 1)
series = MinMaxScaler().fit_transform(series)  # expect: preprocessing-leakage
train_series, test_series = series[:-horizon], series[-horizon:]
windows = make_windows(train_series[:, 0])

# Fine: the holdout is cut first, the scaler is fitted on the head only.
X = demand[features].to_numpy()
y = demand["units"].to_numpy()
X_hist = X[:-horizon]
X_future = X[-horizon:]
y_hist, y_future = y[:-horizon], y[-horizon:]
scaler = StandardScaler().fit(X_hist)
model = HistGradientBoostingRegressor(random_state=0).fit(scaler.transform(X_hist), y_hist)
print(np.abs(model.predict(scaler.transform(X_future)) - y_future).mean())

# Fine: batches and windows are not a holdout.
for start in range(0, len(X_hist), 512):
    batch = X_hist[start:start + 512]
first_week, rest = demand.iloc[:7], demand.iloc[7:]
print(first_week.shape, rest.shape, windows.shape)
