# -*- coding: latin-1 -*-
café = "crème"


def order(items=[]):
    items.append(café)
    return items
