# LK-12: label encoding of the target before the split (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

X = [[1], [2], [3], [4]]
labels = ["cat", "dog", "cat", "dog"]
y = LabelEncoder().fit_transform(labels)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
