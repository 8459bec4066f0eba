"""The perturbed entry is left at θ - ε.

cell: gradient_check_model
task: test_gradient_check_model
hint: put each entry back
mistake: checker_not_restored
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
def gradient_check_model(model, loss, X, y, eps=1e-6):
    """Largest relative error between backpropagation's and central differences' gradients.

    Parameters
    ----------
    model : layer or network
        With forward, backward, parameters and gradients (Tasks 1, 2 and 4).
    loss : loss
        With forward(logits, labels) and backward() (Task 3).
    X : ndarray of shape (N, D)
    y : ndarray of shape (N,), integer labels
    eps : float, default 1e-6
        The step ε of the central difference.

    Returns
    -------
    list of float
        One per array of ``model.parameters()``, in that order.
    """
    loss.forward(model.forward(X), y)
    model.backward(loss.backward())
    analytic = [g.copy() for g in model.gradients()]  # copies: backward may reuse the arrays
    errors = []
    for p, a in zip(model.parameters(), analytic, strict=True):
        numerical = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + eps
            j_plus = loss.forward(model.forward(X), y)
            p[idx] = old - eps
            j_minus = loss.forward(model.forward(X), y)
            pass
            numerical[idx] = (j_plus - j_minus) / (2 * eps)
        relative = np.abs(a - numerical) / np.maximum(np.abs(a) + np.abs(numerical), 1e-12)
        errors.append(float(relative.max()))
    return errors
