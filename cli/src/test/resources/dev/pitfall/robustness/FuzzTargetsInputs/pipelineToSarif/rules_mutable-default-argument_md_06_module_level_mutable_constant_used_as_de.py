# MD-06: module-level mutable constant used as default (POSITIVE, flag line 4) (from rule-cases.md)
DEFAULT_METRICS = ["accuracy"]


def evaluate(model, metrics=DEFAULT_METRICS):  # expect: mutable-default-argument
    metrics.append("f1")
    return model, metrics
