"""The seed ignored: the same network for every seed.

cell: train_final
task: test_train_final
hint: ignores its seed
mistake: ignores-seed
"""
# ruff: noqa: E501
REPLACE = {
    '    init_rng = np.random.default_rng(seed)':
        '    init_rng = np.random.default_rng(0)',
    'rng=np.random.default_rng(seed + 1))':
        'rng=np.random.default_rng(1))',
}
