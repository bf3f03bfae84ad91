# K-fold training with per-fold callbacks (realistic evaluation file).
import numpy as np
import tensorflow as tf
from sklearn.model_selection import KFold
from tensorflow import keras

X = np.load("X.npy")
y = np.load("y.npy")
histories = {}
checkpoints = []


def build_model():
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model


for fold, (tr, va) in enumerate(KFold(5, shuffle=True, random_state=0).split(X)):
    model = build_model()
    # Fine: fit() runs the callbacks during this iteration only.
    printer = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: print(fold, epoch, logs["loss"]))
    schedule = keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.9 if epoch > fold else lr)
    history = model.fit(X[tr], y[tr], validation_data=(X[va], y[va]), epochs=10,
                        callbacks=[printer, schedule], verbose=0)
    histories[fold] = history.history
    # Broken: these run after the loop, when model and fold are the last ones (one finding per closure).
    checkpoints.append(lambda: model.save(f"fold{fold}.keras"))  # expect: late-binding-closure

for save in checkpoints:
    save()
