"""Starts the average at the first loss, without bias correction.

cell: lr_range_test
task: test_lr_range_test
hint: you started the average at the first loss
mistake: range-test-average-starts-at-first-loss
"""
# ruff: noqa: F821 (the notebook defines np)
def lr_range_test(train_step, lr_min, lr_max, steps, beta=0.9, explode=4.0):
    q = (lr_max / lr_min) ** (1.0 / (steps - 1))
    lrs, smoothed, avg = [], [], 0.0
    for t in range(1, steps + 1):
        lr = lr_min * q ** (t - 1)
        loss = train_step(lr)
        avg = loss if t == 1 else beta * avg + (1 - beta) * loss
        lrs.append(lr)
        smoothed.append(avg)
        if not np.isfinite(loss) or smoothed[-1] > explode * min(smoothed):
            break
    return np.array(lrs), np.array(smoothed)
