"""The winner picked by training accuracy.

cell: race
task: test_race
hint: the best training accuracy
mistake: winner-by-training-accuracy
"""
# ruff: noqa: E501
REPLACE = {
    '    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],':
        '    winner = max(histories, key=lambda name: (histories[name]["train_accuracy"][-1],',
    '-histories[name]["val_loss"][-1]))':
        '-histories[name]["train_loss"][-1]))',
}
