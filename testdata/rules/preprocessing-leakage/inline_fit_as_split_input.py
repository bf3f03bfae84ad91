# A preprocessor fitted inside the split call's own arguments: its output is the data split.
import pandas as pd
from sklearn.preprocessing import StandardScaler, LabelEncoder, MinMaxScaler
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.linear_model import Ridge, LogisticRegression


def scaled(frame):
    return MinMaxScaler().fit_transform(frame)  # expect: preprocessing-leakage


df = pd.read_csv("data.csv")
y = df.pop("y")
X_tr, X_te, y_tr, y_te = train_test_split(StandardScaler().fit_transform(df), y, random_state=0)  # expect: preprocessing-leakage
print(cross_val_score(Ridge(), scaled(df), y, cv=5).mean())
print(cross_val_score(make_pipeline(StandardScaler(), Ridge()), df, y, cv=5).mean())
print(cross_val_score(LogisticRegression(), df, LabelEncoder().fit_transform(y), cv=5).mean())
