"""s recomputed from the current gradient only, never kept.

cell: rmsprop
task: test_rmsprop
hint: your s_t forgets the past
mistake: no-state
"""
REPLACE = {
    (
        's *= a\n'
        '            s += (1 - a) * g * g  # s_t = α s_{t-1} + (1 - α) g_t²'
    ):
        's = (1 - a) * g * g  # noqa: PLW2901',
}
