import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

IMG = 28
BATCH = 128


def build_model(num_classes=10):
    inputs = keras.Input(shape=(IMG, IMG, 1))
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def augment(image, label):
    image = tf.image.random_flip_left_right(image)  # expect: unseeded-random
    noise = tf.random.normal(tf.shape(image), stddev=0.05)  # expect: unseeded-random
    return image + noise, label


(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[..., None].astype("float32") / 255.0
x_test = x_test[..., None].astype("float32") / 255.0

ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).map(augment).batch(BATCH)

model = build_model()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(ds, epochs=3, validation_data=(x_test, y_test))

z = tf.random.uniform((4, 16))  # expect: unseeded-random
idx = np.random.choice(len(x_test), 16, replace=False)  # expect: unseeded-random
preds = model.predict(x_test[idx])
print(preds.argmax(axis=1), y_test[idx])
