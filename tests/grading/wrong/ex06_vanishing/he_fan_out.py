"""Uses fan_out, torch's mode='fan_out', where the task asks for fan_in.

cell: he_normal
task: test_he_normal
hint: He initialisation uses fan_in
mistake: he-fan-out
"""
REPLACE = {
    'std = np.sqrt(2.0 / fan_in)': 'std = np.sqrt(2.0 / fan_out)',
}
