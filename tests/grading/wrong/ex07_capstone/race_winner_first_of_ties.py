"""Ties go to the first optimizer listed.

cell: race
task: test_race
hint: the tie goes to the lower final
mistake: winner-ties-to-first
"""
# ruff: noqa: E501
REPLACE = {
    ('    winner = max(histories, key=lambda name: (histories[name]["val_accuracy"][-1],\n'
     '                                              -histories[name]["val_loss"][-1]))'):
        '    winner = max(histories, key=lambda name: histories[name]["val_accuracy"][-1])',
}
