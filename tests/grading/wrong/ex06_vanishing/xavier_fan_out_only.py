"""Uses fan_out alone in the bound.

cell: xavier_uniform
task: test_xavier_uniform
hint: your spread uses fan_out only
mistake: xavier-fan-out-only
"""
REPLACE = {
    'np.sqrt(6.0 / (fan_in + fan_out))': 'np.sqrt(6.0 / fan_out)',
}
