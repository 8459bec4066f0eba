"""The order drawn from numpy's global generator, not from rng.

cell: train
task: test_train
hint: drew 0 permutations of N from rng
mistake: global-random
"""
# ruff: noqa: E501
REPLACE = {
    '        order = rng.permutation(n)  # a new order every epoch, the same for X and y':
        '        order = np.random.permutation(n)',
}
