import ipywidgets as widgets
from IPython.display import display
from tensorflow import keras


def make_buttons(labels, handle):
    box = []
    for i, label in enumerate(labels):
        b = widgets.Button(description=label)
        b.on_click(lambda btn: handle(i))  # expect: late-binding-closure
        box.append(b)
    display(widgets.HBox(box))


def logging_callbacks(names):
    return [keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: print(name, epoch)) for name in names]  # expect: late-binding-closure


def grad_scaling(model, scales):
    for p, s in zip(model.parameters(), scales):
        scale = float(s)
        p.register_hook(lambda grad: grad * scale)  # expect: late-binding-closure


def countdown(n):
    actions = []
    k = 0
    while k < n:
        actions.append(lambda: k * 2)  # expect: late-binding-closure
        k += 1
    return actions


def immediate(items):
    total = 0
    for it in items:
        def weight():
            return it * 2
        total += weight()
    return total
