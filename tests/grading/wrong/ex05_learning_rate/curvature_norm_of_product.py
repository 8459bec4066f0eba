"""Takes ‖∇²J v‖ as the eigenvalue, which loses its sign.

cell: largest_curvature
task: test_largest_curvature
hint: ‖∇²J v‖ loses the sign
mistake: curvature-norm-of-product
"""
REPLACE = {
    'lam = float(v @ w)': 'lam = float(np.linalg.norm(w))',
}
