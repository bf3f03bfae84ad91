# LB-06: thread target built in a loop (POSITIVE, flag line 5) (from rule-cases.md)
import threading

workers = []
for shard in range(4):
    th = threading.Thread(target=lambda: print("processing", shard))  # expect: late-binding-closure
    th.start()
    workers.append(th)
