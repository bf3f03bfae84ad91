# Own case: the Kaggle layout, with train and test read from separate files. Statistics and
# vocabularies computed over both leak the test rows; the ones computed on train only do not.
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
test["Fare"] = test["Fare"].fillna(train["Fare"].median())
full = pd.concat([train, test], ignore_index=True)
full["Age"] = full["Age"].fillna(full["Age"].median())  # expect: preprocessing-leakage
tfidf = TfidfVectorizer(min_df=2)
tfidf.fit(list(train["text"]) + list(test["text"]))  # expect: preprocessing-leakage
train_vectors = tfidf.transform(train["text"])
own = TfidfVectorizer().fit(train["text"])
holdout = pd.read_csv("holdout_2023.csv")
holdout_scaled = (holdout["amount"] - holdout["amount"].mean()) / holdout["amount"].std()  # expect: preprocessing-leakage
