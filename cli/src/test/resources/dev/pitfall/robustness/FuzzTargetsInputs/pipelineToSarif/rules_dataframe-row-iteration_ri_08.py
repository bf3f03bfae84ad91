# RI-08: range(len(list)) on a plain list (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
names = ["a", "b"]
for i in range(len(names)):
    print(i, names[i])
