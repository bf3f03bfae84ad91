# LK-07: PCA fitted on train+test concatenation (POSITIVE, flag line 8)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.decomposition import PCA

train_df = pd.read_csv("train.csv")
test_df = pd.read_csv("test.csv")
features = ["f1", "f2", "f3"]
full = pd.concat([train_df, test_df])
pca = PCA(n_components=2).fit(full[features])  # expect: preprocessing-leakage
train_proj = pca.transform(train_df[features])
