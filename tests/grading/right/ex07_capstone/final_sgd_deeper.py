"""Two hidden layers trained with SGD and momentum, at the range test's suggestion.

cell: train_final
"""
# ruff: noqa: E501
REPLACE = {
    '    model = Sequential(Linear(64, 64, rng=init_rng), ReLU(), Linear(64, 10, rng=init_rng))':
        ('    model = Sequential(Linear(64, 64, rng=init_rng), ReLU(), Linear(64, 64, rng=init_rng),\n'
         '                       ReLU(), Linear(64, 10, rng=init_rng))'),
    "    optimizer = Adam(model.parameters(), lr=0.01)  # the range test's suggestion, rounded":
        '    optimizer = SGD(model.parameters(), lr=0.06, momentum=0.9)',
}
