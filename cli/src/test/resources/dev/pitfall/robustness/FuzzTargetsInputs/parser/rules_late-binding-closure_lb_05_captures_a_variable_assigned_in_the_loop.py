# LB-05: captures a variable assigned in the loop body (not the target) (POSITIVE, flag line 4) (from rule-cases.md)
callbacks = []
for fold in range(5):
    best_path = f"model_fold{fold}.pt"
    callbacks.append(lambda: print("saved", best_path))  # expect: late-binding-closure
