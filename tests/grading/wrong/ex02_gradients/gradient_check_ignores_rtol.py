"""passed compares with 1e-6 whatever rtol is.

cell: gradient_check
task: test_gradient_check
hint: as if rtol were 1e-6
mistake: ignores-rtol
"""
REPLACE = {
    'max_err <= rtol': 'max_err <= 1e-6',
}
