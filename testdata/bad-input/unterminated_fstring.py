name = "x"
message = f"hello {name
