"""Takes the square root of the 2 only.

cell: he_normal
task: test_he_normal
hint: the square root covers the whole fraction
mistake: he-sqrt-of-two-only
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(2.0) / fan_in',
}
