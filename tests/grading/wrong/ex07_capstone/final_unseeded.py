"""Shuffling from a generator without a seed.

cell: train_final
task: test_train_final
hint: two calls of train_final with seed 0 gave different
mistake: unseeded-rng
"""
# ruff: noqa: E501
REPLACE = {
    'rng=np.random.default_rng(seed + 1))':
        'rng=np.random.default_rng())',
}
