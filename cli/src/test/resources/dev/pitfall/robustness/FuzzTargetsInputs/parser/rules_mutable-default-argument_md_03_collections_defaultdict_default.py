# MD-03: collections.defaultdict default (POSITIVE, flag line 4) (from rule-cases.md)
from collections import defaultdict


def group_scores(rows, buckets=defaultdict(list)):  # expect: mutable-default-argument
    for key, score in rows:
        buckets[key].append(score)
    return buckets
