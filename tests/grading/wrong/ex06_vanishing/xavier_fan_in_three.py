"""Uses LeCun's uniform bound sqrt(3 / fan_in).

cell: xavier_uniform
task: test_xavier_uniform
hint: your spread uses fan_in only (a = sqrt(3 / fan_in))
mistake: xavier-fan-in-only
"""
REPLACE = {
    'np.sqrt(6.0 / (fan_in + fan_out))': 'np.sqrt(3.0 / fan_in)',
}
