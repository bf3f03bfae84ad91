# An indented line where none may start.
import numpy as np
x = np.zeros(3)
    y = x + 1  # expect: syntax-error
