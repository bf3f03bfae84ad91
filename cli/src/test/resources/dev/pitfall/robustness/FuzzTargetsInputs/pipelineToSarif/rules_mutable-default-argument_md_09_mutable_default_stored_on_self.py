# MD-09: mutable default stored on self (POSITIVE, flag line 2) (from rule-cases.md)
class FeatureBuilder:
    def __init__(self, transforms=[]):  # expect: mutable-default-argument
        self.transforms = transforms

    def add(self, step):
        self.transforms.append(step)
