# LB-03: forward hooks registered in a loop (escapes through a call) (POSITIVE, flag line 7) (from rule-cases.md)
activations = {}


def attach_hooks(model):
    for name, module in model.named_modules():
        module.register_forward_hook(
            lambda mod, inp, out: activations.__setitem__(name, out)  # expect: late-binding-closure
        )
