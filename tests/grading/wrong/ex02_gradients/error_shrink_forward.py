"""Answers with the forward difference's O(eps) behaviour.

cell: error_shrink_factor
task: test_error_shrink_factor
hint: the forward difference's behaviour
mistake: shrink-forward-difference
"""
ERROR_SHRINK_FACTOR = 10
