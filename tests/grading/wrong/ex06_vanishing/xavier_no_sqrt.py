"""Forgets the square root of the bound.

cell: xavier_uniform
task: test_xavier_uniform
hint: take its square root
mistake: xavier-no-sqrt
"""
REPLACE = {
    'np.sqrt(6.0 / (fan_in + fan_out))': '6.0 / (fan_in + fan_out)',
}
