# An unclosed bracket is reported where it opens, as CPython does.
features = ["age", "income"  # expect: syntax-error
target = "label"
