"""db as the mean of the rows of dJ/dA instead of their sum.

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: your db is the mean of the rows of dJ/dA
mistake: bias-grad-mean
"""
REPLACE = {
    'dA.sum(axis=0)': 'dA.mean(axis=0)',
}
