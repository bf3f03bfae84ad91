import operator


class Ops:
    table = {name: (lambda a, b: getattr(operator, name)(a, b)) for name in ["add", "sub", "mul"]}  # expect: late-binding-closure


def build_pipeline(steps):
    funcs = []
    for step in steps:
        factor = step.get("factor", 1)
        kind = step["kind"]
        if kind == "scale":
            funcs.append(lambda x: x * factor)  # expect: late-binding-closure
        elif kind == "shift":
            funcs.append(lambda x, f=factor: x + f)
    return funcs


def apply_now(xs, steps):
    out = xs
    for step in steps:
        out = [(lambda v: v * step)(x) for x in out]
    return out
