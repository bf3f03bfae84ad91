# CI-08: numpy 2-D chained assignment (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import numpy as np

grid = np.zeros((3, 3))
grid[1][2] = 5.0
