# LK-13: text vectorizer fitted on all documents (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split

docs = ["good movie", "bad movie", "great film", "awful film"]
y = [1, 0, 1, 0]
X = TfidfVectorizer().fit_transform(docs)  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
