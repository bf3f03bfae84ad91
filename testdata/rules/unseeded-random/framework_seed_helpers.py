# Own case: framework helpers seed Python's, numpy's and the framework's generators.
import numpy as np
import tensorflow as tf
import torch
import transformers
from keras.utils import set_random_seed

transformers.set_seed(0)
weights = torch.rand(4, 4)
set_random_seed(1)
kernel = tf.random.uniform([3, 3])
sample = np.random.choice(10, size=3)  # expect: legacy-global-random
