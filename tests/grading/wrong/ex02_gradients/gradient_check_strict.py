"""passed = max_relative_error < rtol: an error equal to rtol fails.

cell: gradient_check
task: test_gradient_check
hint: use <=, not <
mistake: strict-threshold
"""
REPLACE = {
    'max_err <= rtol': 'max_err < rtol',
}
