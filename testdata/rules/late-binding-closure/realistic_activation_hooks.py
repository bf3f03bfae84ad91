# Feature extraction with forward hooks, per-group LR schedules (realistic evaluation file).
import functools
from collections import defaultdict

import torch
import torchvision
from torch.optim.lr_scheduler import LambdaLR

model = torchvision.models.resnet18(weights=None)
activations = defaultdict(list)
handles = []

# Broken: every hook records under the last layer name.
for name, module in model.named_children():
    def hook(mod, inputs, output):
        activations[name].append(output.detach().mean().item())  # expect: late-binding-closure
    handles.append(module.register_forward_hook(hook))

# Fine: the name is bound per hook.
for name, module in model.named_modules():
    if isinstance(module, torch.nn.Conv2d):
        module.register_forward_hook(functools.partial(lambda n, m, i, o: activations[n].append(o.shape), name))
        module.register_forward_hook(lambda m, i, o, n=name: activations[n].append(o.norm().item()))

# Fine: the closure is used in the same iteration by sorted().
layer_sizes = {}
for group in ["layer1", "layer2"]:
    params = [(n, p) for n, p in model.named_parameters() if n.startswith(group)]
    biggest = sorted(params, key=lambda item: item[1].numel() + len(group))[-1]
    layer_sizes[group] = biggest[0]

# Broken: the schedules are called by the scheduler long after the loop.
optimizer = torch.optim.SGD([{"params": model.fc.parameters()}, {"params": model.layer4.parameters()}], lr=0.1)
schedules = []
for warmup in (5, 10):
    schedules.append(lambda epoch: min(1.0, (epoch + 1) / warmup))  # expect: late-binding-closure
scheduler = LambdaLR(optimizer, lr_lambda=schedules)


def make_hook(key):
    def _hook(mod, inputs, output):
        activations[key].append(output.shape)
    return _hook


# Fine: a factory binds the key.
for key, module in model.named_children():
    module.register_forward_hook(make_hook(key))

with torch.no_grad():
    model(torch.zeros(1, 3, 224, 224))
for h in handles:
    h.remove()
