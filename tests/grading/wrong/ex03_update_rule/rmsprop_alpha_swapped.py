"""α and 1 - α swapped in the average.

cell: rmsprop
task: test_rmsprop
hint: the old average keeps the weight α
mistake: alpha-swapped
"""
REPLACE = {
    (
        's *= a\n'
        '            s += (1 - a) * g * g'
    ):
        (
            's *= 1 - a\n'
            '            s += a * g * g'
        ),
}
