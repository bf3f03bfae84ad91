# Own case: the imputer is fitted on all rows and its output written back into the frame by a
# later statement; a manual standardisation of a numpy array; a display-only statistic.
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split

df = pd.read_csv("measurements.csv")
cols = ["pressure", "flow"]
print(df[cols].mean())
imputer = SimpleImputer(strategy="median")
imputer.fit(df[cols])  # expect: preprocessing-leakage
df[cols] = imputer.transform(df[cols])
values = df[cols].to_numpy()
values = (values - values.mean(axis=0)) / values.std(axis=0)  # expect: preprocessing-leakage
train_df, test_df = train_test_split(df, test_size=0.3, random_state=0)
v_train, v_test = train_test_split(values, test_size=0.3, random_state=0)
