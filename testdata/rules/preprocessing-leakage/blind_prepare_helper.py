import argparse

import pandas as pd
from sklearn.preprocessing import PowerTransformer, OrdinalEncoder
from sklearn.model_selection import cross_val_score, KFold, train_test_split
from sklearn.ensemble import RandomForestRegressor


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    num = frame.select_dtypes("number").columns
    frame = frame.copy()
    frame[num] = PowerTransformer().fit_transform(frame[num])  # expect: preprocessing-leakage
    return frame


def encode_cats(frame, cols):
    enc = OrdinalEncoder()
    frame[cols] = enc.fit_transform(frame[cols])  # expect: preprocessing-leakage
    return frame


parser = argparse.ArgumentParser()
parser.add_argument("--data", default="insurance.csv")
parser.add_argument("--scale", action="store_true")
args = parser.parse_args()

df = pd.read_csv(args.data)
target = df.pop("charges")
df = df.fillna(df.mean(numeric_only=True))  # expect: preprocessing-leakage

model = RandomForestRegressor(n_estimators=200, random_state=0)
if args.scale:
    scores = cross_val_score(model, prepare(df), target, cv=KFold(5, shuffle=True, random_state=0))
    print(scores.mean())

tr, te, ytr, yte = train_test_split(df, target, random_state=0)
tr = encode_cats(tr, ["sex", "smoker", "region"])
# relabelled after the run: a fit in a helper is reported at the fit, with this call as related location
te_enc = encode_cats(te.copy(), ["sex", "smoker", "region"])
