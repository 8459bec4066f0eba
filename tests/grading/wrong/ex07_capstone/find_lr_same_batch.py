"""train_step trains on the first batch at every call.

cell: find_lr
task: test_find_lr
hint: trained on the same mini-batch
mistake: find-lr-same-batch
"""
# ruff: noqa: E501
REPLACE = {
    '        batch = batches.pop(0)':
        '        batch = batches[0]',
}
