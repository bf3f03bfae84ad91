# LB-04: def inside a loop stored in a dict (POSITIVE, flag line 4) (from rule-cases.md)
handlers = {}
for label in ["cat", "dog"]:
    def handler(score):
        return f"{label}: {score:.2f}"  # expect: late-binding-closure
    handlers[label] = handler
