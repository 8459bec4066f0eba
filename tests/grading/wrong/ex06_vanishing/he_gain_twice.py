"""Multiplies sqrt(2/fan_in) by the gain √2 once more.

cell: he_normal
task: test_he_normal
hint: the gain √2 applied to sqrt(2 / fan_in)
mistake: he-gain-twice
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(2.0) * np.sqrt(2.0 / fan_in)',
}
