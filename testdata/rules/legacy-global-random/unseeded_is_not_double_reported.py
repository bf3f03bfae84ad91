# Own case: a draw that PF301 reports as unseeded gets no PF302 note as well.
import numpy as np

values = np.random.randint(0, 5, size=4)  # expect: unseeded-random
