"""Churn model: end-to-end training script (realistic evaluation file).

Feature engineering with pandas, a scaler fitted before the split (leak), a correctly
built Pipeline under cross-validation, and an imputer fitted on the test side.
"""
import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder, OneHotEncoder, StandardScaler

log = logging.getLogger(__name__)

NUMERIC = ["tenure", "monthly_charges", "total_charges"]
CATEGORICAL = ["contract", "payment_method", "internet_service"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="data/churn.csv")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", default="model.joblib")
    return parser.parse_args()


def load(path):
    frame = pd.read_csv(path)
    frame["total_charges"] = pd.to_numeric(frame["total_charges"], errors="coerce")
    frame = frame.drop_duplicates(subset="customer_id")
    return frame


def main():
    args = parse_args()
    df = load(args.data)
    y = LabelEncoder().fit_transform(df["churn"])
    X = df[NUMERIC + CATEGORICAL].copy()
    X = pd.get_dummies(X, columns=CATEGORICAL, drop_first=True)

    scaler = StandardScaler()
    X[NUMERIC] = scaler.fit_transform(X[NUMERIC])  # expect: preprocessing-leakage

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed)

    imputer = SimpleImputer(strategy="median")
    X_train = imputer.fit_transform(X_train)
    X_test = imputer.fit_transform(X_test)  # expect: preprocessing-leakage

    clf = GradientBoostingClassifier(random_state=args.seed)
    clf.fit(X_train, y_train)
    log.info("holdout AUC %.4f", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))

    # The right way, for comparison: every fitted step lives inside the pipeline.
    raw = df[NUMERIC + CATEGORICAL]
    preprocess = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    model = Pipeline([("prep", preprocess), ("lr", LogisticRegression(max_iter=1000))])
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    scores = cross_val_score(model, raw, y, cv=cv, scoring="roc_auc")
    log.info("CV AUC %.4f +- %.4f", scores.mean(), scores.std())

    model.fit(raw, y)
    joblib.dump(model, args.out)


if __name__ == "__main__":
    main()
