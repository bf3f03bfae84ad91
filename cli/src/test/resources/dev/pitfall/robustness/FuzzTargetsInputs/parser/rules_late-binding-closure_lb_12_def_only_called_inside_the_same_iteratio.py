# LB-12: def only called inside the same iteration (NEGATIVE, no finding) (from rule-cases.md)
results = []
for lr in [0.1, 0.01]:
    def run_trial():
        return lr * 2
    results.append(run_trial())
