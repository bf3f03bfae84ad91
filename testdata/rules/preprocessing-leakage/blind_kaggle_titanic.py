# Titanic survival - my first kaggle submission
# score 0.78 on LB

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn import preprocessing
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

DATA_DIR = "../input/titanic/"

train = pd.read_csv(DATA_DIR + "train.csv")
test = pd.read_csv(DATA_DIR + "test.csv")
print(train.shape, test.shape)
train.head()

# fill missing ages with the mean age
train["Age"] = train["Age"].fillna(train["Age"].mean())  # expect: preprocessing-leakage
train["Embarked"] = train["Embarked"].fillna("S")
train["Fare"].hist()
plt.show()

train = train.drop(columns=["Cabin", "Ticket", "Name"])
train = pd.get_dummies(train, columns=["Embarked"])

le = preprocessing.LabelEncoder()
train["Sex"] = le.fit_transform(train["Sex"])  # expect: preprocessing-leakage

features = ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked_C", "Embarked_Q", "Embarked_S"]
X = train[features].values
y = train["Survived"].values

scaler = preprocessing.MinMaxScaler()
X = scaler.fit_transform(X)  # expect: preprocessing-leakage

X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=1)

clf = RandomForestClassifier(n_estimators=200, max_depth=6, random_state=1)
clf.fit(X_train, y_train)
preds = clf.predict(X_val)
print("val acc", accuracy_score(y_val, preds))
