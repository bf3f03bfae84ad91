# LB-08: immediately invoked lambda (NEGATIVE, no finding) (from rule-cases.md)
values = []
for i in range(3):
    values.append((lambda: i * i)())
