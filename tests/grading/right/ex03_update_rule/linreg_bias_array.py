"""b kept as a shape-(1,) array, as an optimizer would hold it (a note, no loss).

cell: fit_linear_regression
"""
REPLACE = {
    'w, b = np.zeros(d), 0.0': 'w, b = np.zeros(d), np.zeros(1)',
    'return w, float(b), losses': 'return w, b, losses',
}
