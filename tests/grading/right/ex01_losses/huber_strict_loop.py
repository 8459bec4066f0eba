"""A loop with a strict |r| < δ: the pieces meet at |r| = δ, so either side is right.

cell: huber
"""
def huber(pred, target, delta=1.0):
    total = 0.0
    for r in (pred - target).ravel():
        total += 0.5 * r * r if abs(r) < delta else delta * (abs(r) - 0.5 * delta)
    return total / pred.size
