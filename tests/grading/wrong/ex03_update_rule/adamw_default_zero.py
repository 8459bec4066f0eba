"""AdamW's default weight_decay left at Adam's 0.

cell: adamw
task: test_adamw
hint: its default is weight_decay=0.01
mistake: adamw-default
"""
REPLACE = {
    'eps=1e-8, weight_decay=0.01):': 'eps=1e-8, weight_decay=0.0):',
}
