# A feature-engineering helper given the training and the test frames joins them and learns
# statistics from both; the leak shows only at the call, where the second argument is test data.
import pandas as pd
from sklearn.preprocessing import StandardScaler


def build_features(train_df, test_df):
    df = pd.concat([train_df, test_df], ignore_index=True)
    med_fare = df.groupby(["Pclass", "Embarked"])["Fare"].transform("median")
    df["Fare"] = df["Fare"].fillna(med_fare)  # expect: preprocessing-leakage
    df["Age"] = df["Age"].fillna(df["Age"].median())  # expect: preprocessing-leakage
    scaled = StandardScaler().fit_transform(df[["Age", "Fare"]])  # expect: preprocessing-leakage
    return df, scaled


def training_statistics_only(train_df, test_df):
    df = pd.concat([train_df, test_df], ignore_index=True)
    df["Age"] = df["Age"].fillna(train_df["Age"].median())
    scaler = StandardScaler().fit(train_df[["Age", "Fare"]])
    return scaler.transform(df[["Age", "Fare"]])


def stack_folds(first_fold, second_fold):
    both = pd.concat([first_fold, second_fold], ignore_index=True)
    return both.fillna(both.median())


train = pd.read_csv("train.csv")
test = pd.read_csv("test.csv")
features, matrix = build_features(train, test)
clean = training_statistics_only(train, test)

# Fine: the helper joins two training folds, neither of which is test data.
fold_a = train.iloc[:400]
fold_b = train.iloc[400:800]
stacked = stack_folds(fold_a, fold_b)
