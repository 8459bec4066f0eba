"""Plain Python loops and integer arithmetic for the window.

cell: diagnose_lr
"""
import math


def diagnose_lr(losses, rise_fraction=0.25, settle=0.9):
    values = [float(x) for x in losses]
    T = len(values) - 1
    for x in values:
        if math.isnan(x) or math.isinf(x):
            return "diverged"
    if values[T] > values[0]:
        return "diverged"
    rises = 0
    for t in range(T):
        if values[t + 1] > values[t]:
            rises += 1
    if rises >= rise_fraction * T:
        return "saw-tooth"
    w = (T + 3) // 4  # ceil(T / 4)
    if values[T] < settle * values[T - w]:
        return "still falling"
    return "settled"
