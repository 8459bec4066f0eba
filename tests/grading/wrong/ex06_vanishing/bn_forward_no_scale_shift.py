"""Returns x̂ and forgets γ and β.

cell: batchnorm_forward
task: test_batchnorm_forward
hint: you returned x̂ without the scale and the shift
mistake: bn-no-scale-shift
"""
REPLACE = {
    'return gamma * xhat + beta': 'return xhat',
}
