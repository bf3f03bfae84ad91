# Keras image classifier (realistic evaluation file): one helper seeds Python, NumPy and TensorFlow.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(2024)

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.astype("float32")[..., None] / 255.0
x_test = x_test.astype("float32")[..., None] / 255.0

perm = np.random.permutation(len(x_train))
x_train, y_train = x_train[perm], y_train[perm]

augment = keras.Sequential([layers.RandomRotation(0.05), layers.RandomZoom(0.1)])
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    augment,
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
noise = tf.random.normal(shape=(16, 28, 28, 1))
model.fit(x_train, y_train, batch_size=128, epochs=3, validation_split=0.1, shuffle=True)
print(model.evaluate(x_test, y_test, verbose=0))
