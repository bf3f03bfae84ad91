# MD-10: mutable default on a lambda (POSITIVE, flag line 1) (from rule-cases.md)
index_of = lambda token, vocab={}: vocab.setdefault(token, len(vocab))  # expect: mutable-default-argument
