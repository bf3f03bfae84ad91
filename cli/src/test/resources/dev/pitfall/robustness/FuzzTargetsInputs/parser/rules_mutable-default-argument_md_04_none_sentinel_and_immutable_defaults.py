# MD-04: None sentinel and immutable defaults (NEGATIVE, no finding) (from rule-cases.md)
def train(epochs=10, layers=(64, 32), tags=frozenset(), callbacks=None):
    callbacks = [] if callbacks is None else list(callbacks)
    return epochs, layers, tags, callbacks
