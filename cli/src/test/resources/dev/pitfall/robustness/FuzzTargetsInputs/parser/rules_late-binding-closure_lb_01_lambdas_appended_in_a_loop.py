# LB-01: lambdas appended in a loop (POSITIVE, flag line 4) (from rule-cases.md)
thresholds = [0.3, 0.5, 0.7]
rules = []
for t in thresholds:
    rules.append(lambda p: p > t)  # expect: late-binding-closure
