# Relabelled after the run: pitfall reports an unseeded legacy draw as PF301 only, never as PF301 and PF302
# together (LegacyGlobalRandom's documented choice); the "even when the module seeds it" can be read either way.
# The directory makes the harness check legacy-global-random here too: it must stay silent on these draws.
import numpy as np
import matplotlib.pyplot as plt

x = np.linspace(0, 10, 200)
y = np.sin(x) + np.random.normal(0, 0.3, size=x.shape)  # expect: unseeded-random
outliers = np.random.randint(0, len(x), 10)  # expect: unseeded-random
y[outliers] += 3
plt.scatter(x, y, s=4)
plt.show()
