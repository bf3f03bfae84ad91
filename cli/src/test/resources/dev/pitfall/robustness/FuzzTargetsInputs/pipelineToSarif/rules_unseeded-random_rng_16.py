# RNG-16: tensorflow sampling without a seed (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
import tensorflow as tf

init = tf.random.normal([2, 2])  # expect: unseeded-random
