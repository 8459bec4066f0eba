"""Weighs the new loss by β and the past by 1 - β.

cell: lr_range_test
task: test_lr_range_test
hint: the weights of your average are swapped
mistake: range-test-beta-swapped
"""
REPLACE = {
    'avg = beta * avg + (1 - beta) * loss': 'avg = (1 - beta) * avg + beta * loss',
}
