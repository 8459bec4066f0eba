"""One shuffling generator for every run.

cell: race
task: test_race
hint: shared one generator for shuffling
mistake: race-shared-shuffle-rng
"""
# ruff: noqa: E501
REPLACE = {
    '    histories = {}':
        ('    histories = {}\n'
         '    shuffle_rng = np.random.default_rng(seed + 1)'),
    'rng=np.random.default_rng(seed + 1))  # the same batches':
        'rng=shuffle_rng)',
}
