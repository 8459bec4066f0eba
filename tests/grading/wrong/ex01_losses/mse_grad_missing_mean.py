"""The gradient of the MSE without the 1/N of the mean.

cell: mse_grad
task: test_mse_grad
hint: off by a factor of N
mistake: sum-not-mean
"""
REPLACE = {" / pred.size": ""}
