"""A position in the epoch's order instead of a list of batches.

cell: find_lr
"""
# ruff: noqa: E501
REPLACE = {
    '    loss, rng, batches = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1), []':
        ('    loss, rng = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1)\n'
         '    state = {"order": None, "at": 0}'),
    ('        if not batches:  # the epoch is used up: a new order\n'
     '            order = rng.permutation(len(X))\n'
     '            batches.extend(order[i:i + batch_size] for i in range(0, len(X), batch_size))\n'
     '        batch = batches.pop(0)'):
        ('        if state["order"] is None or state["at"] >= len(X):\n'
         '            state["order"], state["at"] = rng.permutation(len(X)), 0\n'
         '        batch = state["order"][state["at"]:state["at"] + batch_size]\n'
         '        state["at"] += batch_size'),
}
