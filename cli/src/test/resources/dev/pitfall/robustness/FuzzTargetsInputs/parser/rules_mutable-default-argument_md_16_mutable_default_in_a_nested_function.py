# MD-16: mutable default in a nested function (POSITIVE, flag line 2) (from rule-cases.md)
def make_counter():
    def bump(key, store={}):  # expect: mutable-default-argument
        store[key] = store.get(key, 0) + 1
        return store

    return bump
