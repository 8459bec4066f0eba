"""Never rescales v, so v·(∇²J v) is not a Rayleigh quotient of a unit vector.

cell: largest_curvature
task: test_largest_curvature
hint: larger than any eigenvalue of this Hessian
mistake: curvature-not-normalised
"""
REPLACE = {
    'v = w / np.linalg.norm(w)': 'v = w',
}
