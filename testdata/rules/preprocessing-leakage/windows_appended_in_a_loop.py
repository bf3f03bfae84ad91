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
