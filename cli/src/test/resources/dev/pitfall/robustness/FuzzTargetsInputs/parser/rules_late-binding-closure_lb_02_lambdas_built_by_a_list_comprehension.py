# LB-02: lambdas built by a list comprehension (POSITIVE, flag line 1) (from rule-cases.md)
scalers = [lambda x: x * k for k in range(1, 4)]  # expect: late-binding-closure
