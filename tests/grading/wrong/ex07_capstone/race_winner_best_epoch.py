"""The winner picked by its best epoch.

cell: race
task: test_race
hint: at any epoch
mistake: winner-by-best-epoch
"""
# ruff: noqa: E501
REPLACE = {
    ('    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],\n'
     '                                              -histories[name]["val_loss"][-1]))'):
        '    winner = max(histories, key=lambda name: max(histories[name]["val_accuracy"]))',
}
