import numpy as np
import matplotlib.pyplot as plt

x = np.linspace(0, 10, 200)
y = np.sin(x) + np.random.normal(0, 0.3, size=x.shape)  # expect: legacy-global-random, unseeded-random
outliers = np.random.randint(0, len(x), 10)  # expect: legacy-global-random, unseeded-random
y[outliers] += 3
plt.scatter(x, y, s=4)
plt.show()
