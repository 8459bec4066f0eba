"""Entries moved by +ε, -2ε, +ε (back to the start up to round-off), a flat loop over the entries,
and a numpy array returned.

cell: gradient_check_model
"""
# ruff: noqa: E501
REPLACE = {
    ('        numerical = np.zeros_like(p)\n'
     '        for idx in np.ndindex(p.shape):\n'
     '            old = p[idx]\n'
     '            p[idx] = old + eps\n'
     '            j_plus = loss.forward(model.forward(X), y)\n'
     '            p[idx] = old - eps\n'
     '            j_minus = loss.forward(model.forward(X), y)\n'
     '            p[idx] = old  # put the entry back exactly\n'
     '            numerical[idx] = (j_plus - j_minus) / (2 * eps)\n'
     '        relative = np.abs(a - numerical) / np.maximum(np.abs(a) + np.abs(numerical), 1e-12)\n'
     '        errors.append(float(relative.max()))\n'
     '    return errors'):
        ('        flat, worst = p.reshape(-1), 0.0\n'
         '        for i in range(flat.size):\n'
         '            flat[i] += eps\n'
         '            j_plus = loss.forward(model.forward(X), y)\n'
         '            flat[i] -= 2 * eps\n'
         '            j_minus = loss.forward(model.forward(X), y)\n'
         '            flat[i] += eps\n'
         '            n_i, a_i = (j_plus - j_minus) / (2 * eps), a.reshape(-1)[i]\n'
         '            worst = max(worst, abs(a_i - n_i) / max(abs(a_i) + abs(n_i), 1e-12))\n'
         '        errors.append(worst)\n'
         '    return np.array(errors)'),
}
