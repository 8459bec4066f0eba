"""Stops when the raw loss exceeds explode times the smallest raw loss.

cell: lr_range_test
task: test_lr_range_test
hint: you stopped on the raw loss
mistake: range-test-stop-on-raw-loss
"""
# ruff: noqa: F821 (the notebook defines np)
def lr_range_test(train_step, lr_min, lr_max, steps, beta=0.9, explode=4.0):
    q = (lr_max / lr_min) ** (1.0 / (steps - 1))
    lrs, smoothed, raw, avg = [], [], [], 0.0
    for t in range(1, steps + 1):
        lr = lr_min * q ** (t - 1)
        loss = train_step(lr)
        raw.append(loss)
        avg = beta * avg + (1 - beta) * loss
        lrs.append(lr)
        smoothed.append(avg / (1 - beta**t))
        if not np.isfinite(loss) or loss > explode * min(raw):
            break
    return np.array(lrs), np.array(smoothed)
