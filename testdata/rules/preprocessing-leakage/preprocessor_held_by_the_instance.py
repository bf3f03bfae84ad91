# Object-oriented pipelines keep the preprocessor on the instance: self.scaler = MinMaxScaler() in
# __init__, fitted in another method. Whether that fit leaks depends on where the method splits.
import numpy as np
from sklearn.decomposition import PCA
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.preprocessing import MinMaxScaler, StandardScaler


class SequenceDataProcessor:
    def __init__(self, features, window=60):
        self.features = features
        self.window = window
        self.scaler = MinMaxScaler(feature_range=(0, 1))

    def windows(self, values):
        X, y = [], []
        for i in range(len(values) - self.window):
            X.append(values[i:i + self.window])
            y.append(values[i + self.window])
        return np.array(X), np.array(y)

    # Leaky: every day is scaled with the minimum and maximum of the whole series, test days included.
    def prepare(self, frame):
        scaled = self.scaler.fit_transform(frame[self.features].values)  # expect: preprocessing-leakage
        X, y = self.windows(scaled)
        train_idx, test_idx = list(TimeSeriesSplit(n_splits=3).split(X))[-1]
        return X[train_idx], X[test_idx], y[train_idx], y[test_idx]

    # Fine: split first, the scaler learns from the training part only.
    def prepare_without_leak(self, frame):
        train, test = train_test_split(frame[self.features].values, test_size=0.2, shuffle=False)
        train = self.scaler.fit_transform(train)
        test = self.scaler.transform(test)
        return self.windows(train), self.windows(test)


class Reducer:
    projection = PCA(n_components=10)

    def __init__(self):
        self.normaliser = StandardScaler()

    # Leaky: a class-level projection, fitted before the split.
    def run(self, X, y):
        reduced = self.projection.fit_transform(X)  # expect: preprocessing-leakage
        return train_test_split(reduced, y, random_state=0)

    # Fine: the normaliser is fitted on the training part.
    def run_without_leak(self, X, y):
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        X_train = self.normaliser.fit_transform(X_train)
        return X_train, self.normaliser.transform(X_test), y_train, y_test


class Configurable:
    def __init__(self, scaler=None):
        self.scaler = scaler

    # Fine as far as the file shows: the instance holds whatever the caller passed in.
    def prepare(self, X, y):
        scaled = self.scaler.fit_transform(X)
        return train_test_split(scaled, y, random_state=0)
