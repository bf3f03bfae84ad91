# Sentiment baseline: TF-IDF + linear model (realistic evaluation file).
import re

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

SEED = 1234
URL = re.compile(r"https?://\S+")


def clean(text: str) -> str:
    text = URL.sub(" ", text.lower())
    return re.sub(r"[^a-z0-9' ]+", " ", text)


reviews = pd.read_csv("reviews.csv")
reviews = reviews.dropna(subset=["text"])
reviews["text"] = reviews["text"].map(clean)
labels = (reviews["stars"] >= 4).astype(int)

# Leak: the vocabulary and the idf weights see the test reviews.
vectorizer = TfidfVectorizer(min_df=3, ngram_range=(1, 2), sublinear_tf=True)
features = vectorizer.fit_transform(reviews["text"])  # expect: preprocessing-leakage
X_tr, X_te, y_tr, y_te = train_test_split(features, labels, test_size=0.25, random_state=SEED)
svm = LinearSVC(C=0.5, random_state=SEED).fit(X_tr, y_tr)
print(classification_report(y_te, svm.predict(X_te)))

# Correct: split the raw text first, fit the vectorizer inside a grid-searched pipeline.
text_train, text_test, lab_train, lab_test = train_test_split(
    reviews["text"], labels, test_size=0.25, random_state=SEED, stratify=labels)
pipe = make_pipeline(CountVectorizer(), TfidfTransformer(), SGDClassifier(random_state=SEED))
grid = GridSearchCV(pipe, {"countvectorizer__min_df": [1, 3, 5], "sgdclassifier__alpha": [1e-5, 1e-4]}, cv=3)
grid.fit(text_train, lab_train)
print(grid.best_params_, grid.score(text_test, lab_test))

# Also correct: a vectorizer fitted on the training texts only, then applied to the test texts.
tfidf = TfidfVectorizer(max_features=50_000)
train_matrix = tfidf.fit_transform(text_train)
test_matrix = tfidf.transform(text_test)
