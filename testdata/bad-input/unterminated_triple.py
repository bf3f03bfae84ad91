doc = """starts here

def f():
    pass
