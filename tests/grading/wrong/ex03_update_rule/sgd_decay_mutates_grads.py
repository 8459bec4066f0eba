"""g += ωθ: the decay added into the caller's gradient array.

cell: sgd
task: test_sgd_weight_decay
hint: changed the gradient arrays it was given
mistake: mutates-grads
"""
REPLACE = {
    'g = g + self.weight_decay * p  # g_t ← g_t + ωθ (a new array)': 'g += self.weight_decay * p',
}
