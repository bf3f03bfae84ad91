# Parallel downloads and a Tk dashboard (realistic evaluation file).
import atexit
import threading
import tkinter as tk
from concurrent.futures import ThreadPoolExecutor

import requests

URLS = ["https://example.com/a.csv", "https://example.com/b.csv", "https://example.com/c.csv"]


def fetch(url):
    return requests.get(url, timeout=30).content


# Broken: the threads may start after url has moved on.
threads = []
for url in URLS:
    t = threading.Thread(target=lambda: fetch(url))  # expect: late-binding-closure
    threads.append(t)
    t.start()
for t in threads:
    t.join()

# Fine: the argument is passed, not captured.
with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(fetch, u) for u in URLS]
    contents = [f.result() for f in futures]

# Fine: called right away inside the iteration.
for path in ["out/a", "out/b"]:
    cleanup = lambda: print("removing", path)
    cleanup()

# Broken: runs at interpreter exit, sees the last path.
for path in ["tmp/a", "tmp/b"]:
    atexit.register(lambda: print("cleanup", path))  # expect: late-binding-closure

root = tk.Tk()
for row, label in enumerate(["train", "valid", "test"]):
    tk.Button(root, text=label, command=lambda: print("clicked", label)).grid(row=row)  # expect: late-binding-closure
    tk.Button(root, text=label + "!", command=lambda l=label: print("clicked", l)).grid(row=row, column=1)
