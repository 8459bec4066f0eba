"""Never rescales v but divides the Rayleigh quotient by v·v: right until v overflows.

cell: largest_curvature
task: test_largest_curvature
hint: an unnormalised v grows or shrinks like L^k and
mistake: curvature-overflows
"""
REPLACE = {
    'lam = float(v @ w)': 'lam = float(v @ w) / float(v @ v)',
    'v = w / np.linalg.norm(w)': 'v = w',
}
