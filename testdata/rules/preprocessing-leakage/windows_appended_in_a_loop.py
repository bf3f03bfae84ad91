# Sliding windows for an LSTM, built by appending to a list in a loop before np.array(...): the
# list holds the rows of what is appended, so a scaler fitted before the windows are cut into a
# training and a test part has seen the test days.
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler, StandardScaler

prices = pd.read_csv("prices.csv")
moving_average = prices["Close"].rolling(window=25, min_periods=0).mean().values.reshape(-1, 1)

# Leaky: scaled over every day, windowed, then cut.
scaler = StandardScaler()
scaled = scaler.fit_transform(moving_average)  # expect: preprocessing-leakage
data = []
label = []
for i in range(len(scaled) - 25):
    data.append(scaled[i:i + 25])
    label.append(scaled[i + 25])
data = np.array(data)
label = np.array(label)
train_len = data.shape[0] - 252
train_data, test_data = data[:train_len], data[train_len:]
train_label, test_label = label[:train_len], label[train_len:]

# Fine: cut first, the scaler learns from the training days, and each part is windowed on its own.
cut = int(len(moving_average) * 0.8)
train_days, test_days = moving_average[:cut], moving_average[cut:]
day_scaler = MinMaxScaler().fit(train_days)
train_scaled = day_scaler.transform(train_days)
test_scaled = day_scaler.transform(test_days)
train_windows = []
for i in range(len(train_scaled) - 25):
    train_windows.append(train_scaled[i:i + 25])
test_windows = []
for i in range(len(test_scaled) - 25):
    test_windows.append(test_scaled[i:i + 25])
train_windows = np.array(train_windows)
test_windows = np.array(test_windows)


def make_windows(series, width):
    # Both lists made in one statement, as in X, y = [], [].
    windows, targets = [], []
    for start in range(len(series) - width):
        windows.append(series[start:start + width, 0])
        targets.append(series[start + width, 0])
    return np.array(windows), np.array(targets)


# Leaky: scaled over the whole series, windowed by the helper, then cut 80/20.
series_scaler = MinMaxScaler(feature_range=(0, 1))
scaled_series = series_scaler.fit_transform(prices[["Close"]].values)  # expect: preprocessing-leakage
X, y = make_windows(scaled_series, 10)
X = X.reshape((X.shape[0], X.shape[1], 1))
split = int(0.8 * len(X))
X_train, X_test = X[:split], X[split:]
y_train, y_test = y[:split], y[split:]

# Fine: the series is cut before the scaler learns, and each part is windowed on its own.
cut_at = int(0.8 * len(prices))
train_prices, test_prices = prices[["Close"]].values[:cut_at], prices[["Close"]].values[cut_at:]
price_scaler = MinMaxScaler().fit(train_prices)
X_fit, y_fit = make_windows(price_scaler.transform(train_prices), 10)
X_holdout, y_holdout = make_windows(price_scaler.transform(test_prices), 10)
