# Chronological holdouts cut by slicing, as time-series tutorials write them: a first bound spelt
# 0, a test part that starts a look-back window before the training part ends, an upper bound of
# len(data), and a validation part between the training and test parts.
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler, StandardScaler

prices = pd.read_csv("prices.csv")
dataset = prices.filter(["Close"]).values
training_data_len = int(np.ceil(len(dataset) * 0.95))

# Leaky: the scaler sees the test days; the test part starts 60 days early for the first window.
scaler = MinMaxScaler(feature_range=(0, 1))
scaled_data = scaler.fit_transform(dataset)  # expect: preprocessing-leakage
train_data = scaled_data[0:training_data_len, :]
test_data = scaled_data[training_data_len - 60:, :]
x_train = np.array([train_data[i - 60:i, 0] for i in range(60, len(train_data))])
x_test = np.array([test_data[i - 60:i, 0] for i in range(60, len(test_data))])

# Leaky: normalised with the statistics of every row, then cut into training, validation and test.
weather = pd.read_csv("weather.csv")
n = len(weather)
normalised = (weather - weather.mean()) / weather.std()  # expect: preprocessing-leakage
train_df = normalised[0:int(n * 0.7)]
val_df = normalised[int(n * 0.7):int(n * 0.9)]
test_df = normalised[int(n * 0.9):]

# Fine: the same three parts cut first, normalised with the training part's statistics only.
raw_train = weather[0:int(n * 0.7)]
raw_val = weather[int(n * 0.7):int(n * 0.9)]
raw_test = weather[int(n * 0.9):]
train_mean, train_std = raw_train.mean(), raw_train.std()
scaled_train = (raw_train - train_mean) / train_std
scaled_val = (raw_val - train_mean) / train_std
scaled_test = (raw_test - train_mean) / train_std

# Leaky: an upper bound of len(...) is the end of the rows.
levels = prices[["Open", "Close"]].to_numpy()
levels = StandardScaler().fit_transform(levels)  # expect: preprocessing-leakage
head_part = levels[:training_data_len]
tail_part = levels[training_data_len:len(levels)]

# Fine: the holdout is cut first; the windows that reach back into the training days are made
# from data scaled by a scaler fitted on the training days only.
closes = prices[["Close"]].to_numpy()
fit_part = closes[0:training_data_len]
held_out = closes[training_data_len - 60:]
window_scaler = MinMaxScaler().fit(fit_part)
test_windows = window_scaler.transform(held_out)

# Fine: shifted inputs and targets of a sequence model are not a holdout.
volumes = prices[["Volume"]].to_numpy()
tokens = StandardScaler().fit_transform(volumes)
inputs, targets = tokens[:-1], tokens[1:]
print(x_train.shape, x_test.shape, train_df.shape, val_df.shape, test_df.shape, scaled_test.shape,
      head_part.shape, tail_part.shape, test_windows.shape, inputs.shape, targets.shape)
