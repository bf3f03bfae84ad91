# RNG-11: train_test_split with shuffle=False (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
from sklearn.model_selection import train_test_split

series = list(range(100))
train, test = train_test_split(series, shuffle=False, test_size=0.2)
