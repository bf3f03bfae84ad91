# Blind label restored: the PF302 notes legacy global draws "even when the module seeds it",
# so an unseeded legacy draw gets both PF302's note and PF301's warning.
import numpy as np
import matplotlib.pyplot as plt

x = np.linspace(0, 10, 200)
y = np.sin(x) + np.random.normal(0, 0.3, size=x.shape)  # expect: unseeded-random, legacy-global-random
outliers = np.random.randint(0, len(x), 10)  # expect: unseeded-random, legacy-global-random
y[outliers] += 3
plt.scatter(x, y, s=4)
plt.show()
