# Own case: per-group statistics over all rows assigned back as features before the split: of
# the target (target encoding, an error) and of another column (a warning). A per-row ratio and
# a display of group means learn nothing.
import pandas as pd
from sklearn.model_selection import train_test_split

orders = pd.read_csv("orders.csv")
y = orders["returned"]
orders["shop_return_rate"] = orders.groupby("shop")["returned"].transform("mean")  # expect: preprocessing-leakage
orders["user_mean_amount"] = orders.groupby("user")["amount"].transform("mean")  # expect: preprocessing-leakage
orders["unit_price"] = orders["amount"] / orders["quantity"]
print(orders.groupby("shop")["amount"].mean())
X = orders.drop(columns=["returned"])
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=3)
