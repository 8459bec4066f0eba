"""One generator for every network's initial weights.

cell: race
task: test_race
hint: shared by all
mistake: race-shared-init-rng
"""
# ruff: noqa: E501
REPLACE = {
    '    histories = {}':
        ('    histories = {}\n'
         '    init_rng = np.random.default_rng(seed)'),
    '        model = make_model(np.random.default_rng(seed))  # the same initial weights for each':
        '        model = make_model(init_rng)',
}
