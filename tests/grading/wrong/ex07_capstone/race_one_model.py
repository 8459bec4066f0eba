"""One network for every optimizer.

cell: race
task: test_race
hint: continued training the network
mistake: race-one-model
"""
# ruff: noqa: E501
REPLACE = {
    '    histories = {}':
        ('    histories = {}\n'
         '    model = make_model(np.random.default_rng(seed))'),
    '        model = make_model(np.random.default_rng(seed))  # the same initial weights for each\n':
        '',
}
