"""The answer to four significant digits.

cell: max_stable_lr
"""
MAX_STABLE_LR = 0.1573
