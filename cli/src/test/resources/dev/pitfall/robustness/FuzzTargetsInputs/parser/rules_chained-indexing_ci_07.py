# CI-07: nested dict assignment (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
cfg = {"optimizer": {"lr": 0.1}}
cfg["optimizer"]["lr"] = 0.01
