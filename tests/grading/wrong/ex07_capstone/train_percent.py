"""Accuracies as percentages.

cell: train
task: test_train
hint: your accuracies are percentages
mistake: accuracy-in-percent
"""
# ruff: noqa: E501
REPLACE = {
    '            history[f"{name}_accuracy"].append(float(np.mean(logits.argmax(axis=1) == labels)))':
        '            history[f"{name}_accuracy"].append(100 * float(np.mean(logits.argmax(axis=1) == labels)))',
}
