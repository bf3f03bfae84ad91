# The Kaggle layout: training and test rows joined to engineer features once, then cut apart again
# at the training part's length. A fit on the head holds training rows only; a fit on the whole
# concatenation, on its tail, or on a head cut at another length sees test rows.
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

train = pd.read_csv("train.csv")
test = pd.read_csv("test.csv")
train = train.drop(train[train["GrLivArea"] > 4000].index)
ntrain = train.shape[0]
y = np.log1p(train["SalePrice"])

all_data = pd.concat((train, test)).reset_index(drop=True)
all_data = all_data.drop(["SalePrice", "Id"], axis=1)
all_data["LotFrontage"] = all_data["LotFrontage"].fillna(0)
all_data = pd.get_dummies(all_data)

# Fine: fitted on the training rows, the head of the concatenation, and applied to every row.
scaler = RobustScaler().fit(all_data[:ntrain])
scaled = scaler.transform(all_data)
pca = PCA(n_components=20).fit(all_data.iloc[:ntrain, :])
numeric = all_data.values
minmax = MinMaxScaler().fit(numeric[:ntrain])
text = pd.concat([train["description"], test["description"]], ignore_index=True)
tfidf = TfidfVectorizer(min_df=3).fit(text[:len(train)])
X_train = all_data[:ntrain]
X_test = all_data[ntrain:]
# The first part is the training frame without its target: the same rows, measured on train.
features_only = train.drop(columns="SalePrice")
joined = pd.concat([features_only, test])
joined_filled = joined.fillna(0)
head = joined_filled.iloc[:len(train)]
head_scaler = StandardScaler().fit(head)

# Leaky: the whole concatenation, its test tail, and a head cut at the test part's length.
leaky = StandardScaler().fit(all_data)  # expect: preprocessing-leakage
on_tail = StandardScaler().fit(all_data.iloc[ntrain:])  # expect: preprocessing-leakage
ntest = len(test)
wrong_cut = StandardScaler().fit(all_data[:ntest])  # expect: preprocessing-leakage

# Leaky: the rows are shuffled after the concatenation, so its head is no longer the training part.
shuffled = pd.concat([train, test]).sample(frac=1.0, random_state=0)
mixed = StandardScaler().fit(shuffled[:ntrain])  # expect: preprocessing-leakage

# Leaky: joined side by side (axis=1), every row has test columns.
side_by_side = pd.concat([train, test], axis=1)
both = StandardScaler().fit(side_by_side[:ntrain])  # expect: preprocessing-leakage
