# Own case: the split happens inside a helper of the file; the scaler was fitted on the full
# data before the helper is called. Training and validation data concatenated for a final refit
# (X_train_val) is not test data.
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import RobustScaler, StandardScaler


def make_splits(features, labels):
    return train_test_split(features, labels, test_size=0.2, random_state=7)


X = np.loadtxt("features.txt")
y = np.loadtxt("labels.txt")
X_scaled = RobustScaler().fit_transform(X)  # expect: preprocessing-leakage
X_train, X_test, y_train, y_test = make_splits(X_scaled, y)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, random_state=7)
X_train_val = np.vstack([X_fit, X_val])
final_scaler = StandardScaler().fit(X_train_val)
