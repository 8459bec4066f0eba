"""One order drawn once and reused for every epoch.

cell: find_lr
task: test_find_lr
hint: goes through the first epoch's order again
mistake: find-lr-no-reshuffle
"""
# ruff: noqa: E501
REPLACE = {
    '    loss, rng, batches = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1), []':
        ('    loss, rng, batches = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1), []\n'
         '    order = rng.permutation(len(X))'),
    ('            order = rng.permutation(len(X))\n'
     '            batches.extend(order[i:i + batch_size] for i in range(0, len(X), batch_size))'):
        '            batches.extend(order[i:i + batch_size] for i in range(0, len(X), batch_size))',
}
