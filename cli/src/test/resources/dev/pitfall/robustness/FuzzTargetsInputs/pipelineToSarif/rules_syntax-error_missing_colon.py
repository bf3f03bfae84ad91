# A def without its colon: CPython says "expected ':'" at the end of the header.
import numpy as np


def train(model)  # expect: syntax-error
    model.fit()
