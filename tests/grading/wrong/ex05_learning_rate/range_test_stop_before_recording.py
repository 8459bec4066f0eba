"""Checks for the explosion before recording the step.

cell: lr_range_test
task: test_lr_range_test
hint: you left out the step that stopped the test
mistake: range-test-stop-before-recording
"""
# ruff: noqa: F821 (the notebook defines np)
def lr_range_test(train_step, lr_min, lr_max, steps, beta=0.9, explode=4.0):
    q = (lr_max / lr_min) ** (1.0 / (steps - 1))
    lrs, smoothed, avg = [], [], 0.0
    for t in range(1, steps + 1):
        lr = lr_min * q ** (t - 1)
        loss = train_step(lr)
        avg = beta * avg + (1 - beta) * loss
        s = avg / (1 - beta**t)
        if not np.isfinite(loss) or (smoothed and s > explode * min(smoothed + [s])):
            break
        lrs.append(lr)
        smoothed.append(s)
    return np.array(lrs), np.array(smoothed)
