# Group statistics as Kaggle notebooks write them: a lambda that reduces each group (a median
# inside transform, the most frequent value inside agg), looked up row by row with apply. Window
# features (rolling, ewm, shift) reduce a few neighbouring rows and are not statistics of the rows.
import pandas as pd
from sklearn.model_selection import train_test_split

titanic = pd.read_csv("titanic.csv")

# Leaky: every passenger's missing age is filled with the median of all rows of the title group.
titanic["Age"] = titanic.groupby(["Sex", "Pclass"])["Age"].transform(lambda g: g.fillna(g.median()))  # expect: preprocessing-leakage
titanic_train, titanic_valid = train_test_split(titanic, test_size=0.2, random_state=0)

houses = pd.read_csv("train.csv")
houses_test = pd.read_csv("test.csv")
combined = pd.concat([houses.drop(columns="SalePrice"), houses_test])

# Leaky: the most frequent zoning of each neighbourhood, over training and test rows, looked up per row.
zoning = combined.groupby("Neighborhood").MSZoning.agg(lambda x: x.value_counts().index[0])
frontage = combined.groupby("Neighborhood").LotFrontage.median()
combined = combined.fillna({"MSZoning": combined["Neighborhood"].apply(lambda n: zoning[n])})  # expect: preprocessing-leakage
combined["LotFrontage"] = combined["LotFrontage"].fillna(combined["Neighborhood"].apply(lambda n: frontage[n]))  # expect: preprocessing-leakage

# Fine: window features of each store's own past.
sales = pd.read_csv("sales.csv")
sales["rolling_mean"] = sales.groupby("store")["units"].transform(lambda g: g.rolling(7, min_periods=1).mean())
sales["smoothed"] = sales.groupby("store")["units"].transform(lambda g: g.ewm(span=5).mean())
sales["lagged_mean"] = sales.groupby("store")["units"].transform(lambda g: g.shift(1).mean())
top_days = sales.groupby("store").apply(lambda g: g.sort_values("units").head(3))
sales_train, sales_test = train_test_split(sales, shuffle=False)

# Fine: the group medians come from the training part only.
train_part = sales_train.copy()
train_part["units"] = train_part.groupby("store")["units"].transform(lambda g: g.fillna(g.median()))
