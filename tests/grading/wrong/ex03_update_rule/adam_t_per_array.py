"""self.t incremented inside the loop over the arrays.

cell: adam
task: test_adam
hint: your t grows once per parameter array
mistake: t-per-array
"""
REPLACE = {
    (
        '        self.t += 1\n'
        '        b1, b2 = self.betas\n'
    ):
        '        b1, b2 = self.betas\n',
    '            if self.weight_decay:\n':
        (
            '            self.t += 1\n'
            '            if self.weight_decay:\n'
        ),
}
