"""Divides the variance by 2 instead of multiplying it.

cell: he_normal
task: test_he_normal
hint: you halved the variance where He doubles it
mistake: he-halved
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(1.0 / (2.0 * fan_in))',
}
