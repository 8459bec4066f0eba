"""max_relative_error is the mean of the errors.

cell: gradient_check
task: test_gradient_check
hint: the mean of the entrywise errors
mistake: mean-not-max
"""
REPLACE = {
    'max_err = float(errors[worst])': 'max_err = float(errors.mean())',
}
