# Label encoding writes its codes into a column of the frame. Into the target's column it only names
# the classes (LK-12), and the split needs the codes anyway; into a feature's column it learns the
# category set from every row, test rows included.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

tweets = pd.read_csv("tweets.csv")
df = tweets[["airline_sentiment", "text"]]

# Fine: the codes go into the target's column, which the features leave out.
le = LabelEncoder()
df["target"] = le.fit_transform(df["airline_sentiment"])
X = df.drop(["target", "airline_sentiment"], axis=1)
y = df.pop("target")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1, stratify=y)

# Fine: a column named as the label.
machines = pd.read_csv("machines.csv")
machines["failure_label"] = LabelEncoder().fit_transform(machines["Failure Type"])

# Leaky: the machine type is a feature, and its encoder is fitted on every row before the split.
type_encoder = LabelEncoder()
machines["Type"] = type_encoder.fit_transform(machines["Type"])  # expect: preprocessing-leakage
features = machines[["Type", "Torque [Nm]", "Tool wear [min]"]].values
x_train, x_test, t_train, t_test = train_test_split(features, machines["failure_label"], random_state=0)
