"""The network built from gdlib.nn's layers.

cell: train_final
task: test_train_final
hint: reference implementation
mistake: calls-reference
"""
# ruff: noqa: E501
REPLACE = {
    '    model = Sequential(Linear(64, 64, rng=init_rng), ReLU(), Linear(64, 10, rng=init_rng))':
        ('    model = gdlib.nn.Sequential(gdlib.nn.Linear(64, 64, rng=init_rng), gdlib.nn.ReLU(),\n'
         '                                gdlib.nn.Linear(64, 10, rng=init_rng))'),
}
