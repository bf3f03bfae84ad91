# LB-15: lambda parameter shadows a comprehension variable (NEGATIVE, no finding) (from rule-cases.md)
for _ in range(2):
    squares = [x * x for x in range(3)]

    def make_inc():
        return lambda x: x + 1
