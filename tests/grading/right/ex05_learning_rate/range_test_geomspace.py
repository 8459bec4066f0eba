"""Rates from np.geomspace, a while loop and np.nanmin.

cell: lr_range_test
"""
# ruff: noqa: F821 (the notebook defines np)
def lr_range_test(train_step, lr_min, lr_max, steps, beta=0.9, explode=4.0):
    rates = np.geomspace(lr_min, lr_max, steps)
    used, smooth = [], []
    avg, t = 0.0, 0
    while t < steps:
        loss = train_step(rates[t])
        t += 1
        avg = beta * avg + (1 - beta) * loss
        used.append(rates[t - 1])
        smooth.append(avg / (1 - beta**t))
        if not np.isfinite(loss):
            break
        if smooth[-1] > explode * np.nanmin(smooth):
            break
    return np.asarray(used), np.asarray(smooth)
