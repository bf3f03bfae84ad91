# LB-09: loop variable bound through a default argument (NEGATIVE, no finding) (from rule-cases.md)
fns = [lambda x, k=k: x * k for k in range(3)]
