"""The name under which the test cells written before the checks were split call four checks.

``checks_extra.expect_grad`` is :func:`gdcourse.learner.checks.expect_grad`, and likewise
``expect_in_place``, ``expect_spread`` and ``expect_choice``. New test cells call them through
``checks``; this module goes once no test cell names it.
"""

from .answers import expect_choice
from .gradients import expect_grad, expect_in_place
from .weights import expect_spread

__all__ = ["expect_grad", "expect_in_place", "expect_spread", "expect_choice"]
