"""The winner picked by the lowest training loss.

cell: race
task: test_race
hint: the lowest training loss
mistake: winner-by-training-loss
"""
# ruff: noqa: E501
REPLACE = {
    ('    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],\n'
     '                                              -histories[name]["val_loss"][-1]))'):
        '    winner = min(histories, key=lambda name: histories[name]["train_loss"][-1])',
}
