# MD-12: tuple that contains lists (POSITIVE, flag line 1) (from rule-cases.md)
def split_spec(spec=(["train"], ["test"])):  # expect: mutable-default-argument
    spec[0].append("val")
    return spec
