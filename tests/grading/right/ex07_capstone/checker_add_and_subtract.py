"""Entries moved by +ε, -2ε, +ε (back to the start up to round-off), a flat loop over the entries,
and a numpy array returned.

cell: gradient_check_model
"""
# ruff: noqa: F821 (the notebook defines np, gdlib and the earlier tasks)
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
        flat, worst = p.reshape(-1), 0.0
        for i in range(flat.size):
            flat[i] += eps
            j_plus = loss.forward(model.forward(X), y)
            flat[i] -= 2 * eps
            j_minus = loss.forward(model.forward(X), y)
            flat[i] += eps
            n_i, a_i = (j_plus - j_minus) / (2 * eps), a.reshape(-1)[i]
            worst = max(worst, abs(a_i - n_i) / max(abs(a_i) + abs(n_i), 1e-12))
        errors.append(worst)
    return np.array(errors)
