"""Takes the standard deviation as the bound of the uniform.

cell: xavier_uniform
task: test_xavier_uniform
hint: as the bound a. A uniform U(-a, a) has standard deviation a/√3
mistake: xavier-std-as-bound
"""
REPLACE = {
    'np.sqrt(6.0 / (fan_in + fan_out))': 'np.sqrt(2.0 / (fan_in + fan_out))',
}
