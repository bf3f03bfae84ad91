# LB-16: dict comprehension of per-column transforms (POSITIVE, flag line 4) (from rule-cases.md)
import numpy as np

cols = ["age", "income"]
transforms = {c: (lambda frame: np.log1p(frame[c])) for c in cols}  # expect: late-binding-closure
