"""Takes the bound of He's uniform variant as σ.

cell: he_normal
task: test_he_normal
hint: the bound of He's *uniform* variant
mistake: he-uniform-bound
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(6.0 / fan_in)',
}
