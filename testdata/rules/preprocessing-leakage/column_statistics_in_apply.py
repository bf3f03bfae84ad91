# DataFrame.apply (by columns, the default) and transform call a lambda with each whole column;
# a lambda that fills or rescales the column with its own statistic has seen every row, test
# rows included when it runs before the split.
import pandas as pd
from sklearn.model_selection import train_test_split

houses = pd.read_csv("houses.csv")
nan_cols = [c for c in houses.columns if houses[c].isnull().sum() > 0]

# Leaky: each column filled with its own median or mean, in the forms bootcamp scripts use.
houses[nan_cols] = houses[nan_cols].apply(lambda x: x.fillna(x.median()), axis=0)  # expect: preprocessing-leakage
houses = houses.apply(lambda x: x.fillna(x.mean()) if x.dtype != "O" else x)  # expect: preprocessing-leakage
houses["LotFrontage"] = houses["LotFrontage"].transform(lambda s: s.fillna(s.mean()))  # expect: preprocessing-leakage

# Leaky: min-max scaling of every numeric column.
numeric = houses.select_dtypes("number")
numeric = numeric.apply(lambda col: (col - col.min()) / (col.max() - col.min()))  # expect: preprocessing-leakage

# Fine: a lambda that only reduces gives one number per column and changes no row.
column_means = houses.select_dtypes("number").apply(lambda col: col.mean())
# Fine: with axis=1 the lambda gets one row at a time.
row_filled = houses.apply(lambda r: r.fillna(r.mean()), axis=1)
# Fine: Series.apply gets single values.
doubled = houses["GrLivArea"].apply(lambda area: area * 2)

X_train, X_test = train_test_split(numeric, test_size=0.2, random_state=0)

# Fine: the training split's own columns, after the split.
X_train = X_train.apply(lambda x: x.fillna(x.median()))
