"""Never puts the original entries back: x is left at x - eps.

cell: numerical_gradient
task: test_numerical_gradient
hint: x is not restored exactly
mistake: x-not-restored
"""
REPLACE = {
    '        x[idx] = old  # restore the saved value, bit for bit\n': '',
}
