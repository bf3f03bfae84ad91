# Credit scoring notebook exported to a script (realistic evaluation file): helpers and pandas statistics.
import pandas as pd
from keras.preprocessing.text import Tokenizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler

credit = pd.read_csv("credit.csv")
credit["income"] = credit["income"].fillna(credit["income"].mean())  # expect: preprocessing-leakage
credit["city"] = LabelEncoder().fit_transform(credit["city"])  # expect: preprocessing-leakage
credit = pd.get_dummies(credit, columns=["housing"])
target = LabelEncoder().fit_transform(credit.pop("default"))


def standardize(frame):
    return StandardScaler().fit_transform(frame)  # expect: preprocessing-leakage


numeric = credit.select_dtypes("number")
X_std = standardize(numeric)
print(cross_val_score(LogisticRegression(max_iter=500), X_std, target, cv=5).mean())

normalized = (numeric - numeric.mean()) / numeric.std()  # expect: preprocessing-leakage
n_tr, n_te, t_tr, t_te = train_test_split(normalized, target, test_size=0.2, random_state=1)

tok = Tokenizer(num_words=20_000)
tok.fit_on_texts(credit["notes"])  # expect: preprocessing-leakage
sequences = tok.texts_to_sequences(credit["notes"])
s_tr, s_te, y_tr, y_te = train_test_split(sequences, target, test_size=0.2, random_state=1)

# Fine: statistics of the training part only, applied to both parts.
c_tr, c_te = train_test_split(credit, test_size=0.2, random_state=1)
median_age = c_tr["age"].median()
c_tr = c_tr.assign(age=c_tr["age"].fillna(median_age))
c_te = c_te.assign(age=c_te["age"].fillna(median_age))
