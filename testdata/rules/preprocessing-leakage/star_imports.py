# Own case: tutorial-style star imports. The names come from scikit-learn's modules, which the
# rule's tables know, so the fit and the split are still recognised.
from sklearn.model_selection import *
from sklearn.preprocessing import *
import pandas as pd

frame = pd.read_csv("iris.csv")
features = frame.drop(columns="species")
scaled = MinMaxScaler().fit_transform(features)  # expect: preprocessing-leakage
parts = train_test_split(scaled, frame["species"], random_state=0)
