"""β1 used for s and β2 for m.

cell: adam
task: test_adam
hint: you swapped β1 and β2
mistake: betas-swapped
"""
REPLACE = {
    'b1, b2 = self.betas': 'b2, b1 = self.betas',
}
