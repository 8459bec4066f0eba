"""Uses the gain of tanh, 5/3.

cell: he_normal
task: test_he_normal
hint: with tanh's gain 5/3
mistake: he-tanh-gain
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = (5.0 / 3.0) / np.sqrt(fan_in)',
}
