# LB-07: closure created in a while loop (POSITIVE, flag line 5) (from rule-cases.md)
tasks = []
attempt = 0
while attempt < 3:
    delay = 2 ** attempt
    tasks.append(lambda: delay)  # expect: late-binding-closure
    attempt += 1
