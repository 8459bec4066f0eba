"""Uses Xavier's spread for a ReLU layer.

cell: he_normal
task: test_he_normal
hint: that is Xavier's spread
mistake: he-xavier-spread
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(2.0 / (fan_in + fan_out))',
}
