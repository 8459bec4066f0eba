"""Where a learner's code runs while it is graded, and where its tests run.

Autograding (``python -m gdcourse.grading``, ``nbgrader autograde``) runs each submission in an
operating-system sandbox of its own, and its test cells in the grader, where the learner's code
cannot reach them:

- :mod:`.execute`: :class:`LimitedExecute`, the nbgrader step in place of ``Execute`` (sandbox,
  judge, output caps, restarts, time budget); ``sandbox = False`` is the explicit way to run
  without a sandbox (trusted notebooks only: a learner's self-grade);
- :mod:`.bwrap` (the sandbox: bubblewrap, mounts, uid, limits, :func:`~.bwrap.probe` and
  :class:`~.bwrap.SandboxUnavailable`), :mod:`.seccomp`, :mod:`.cgroups`;
- :mod:`.kernel`: :class:`SandboxKernelManager` (a kernel in the sandbox, over Unix sockets) and
  :class:`LimitedKernelManager` (unsandboxed: rlimits through :mod:`.launcher`);
- :mod:`.inner`: the first code inside the sandbox (descriptors, uid, limits, output cap), then
  the kernel with :mod:`.server`, the judge's agent;
- :mod:`.wire`, :mod:`.shared`, :mod:`.link`, :mod:`.remote`, :mod:`.proxy`: the narrow protocol
  by which the judge calls the learner's functions and gets plain data back (JSON and raw array
  bytes, never pickle);
- :mod:`.forbid`: "did it use the reference?", read from the notebook's source;
- :mod:`.judge`: runs a test cell in the grader, the learner's names resolving to proxies;
- :mod:`.sanitize`: :class:`StripActiveContent`, feedback pages without a submission's scripts.

A learner grading their own notebook needs none of this: ``grade_this_notebook`` runs in their
own kernel, and ``python -m gdcourse.grade`` sets ``sandbox = False`` (their code, their
machine).

Importing this package is cheap (the standard library only): the kernel in the sandbox imports
it before it starts, and the launcher starts every unsandboxed kernel. The names below are
imported on first use.
"""

from importlib import import_module

__all__ = ["LimitedExecute", "LimitedKernelManager", "SandboxKernelManager",
           "SandboxUnavailable", "StripActiveContent", "kernel_env"]
_HOME = {"LimitedExecute": ".execute", "LimitedKernelManager": ".kernel",
         "SandboxKernelManager": ".kernel", "kernel_env": ".kernel",
         "SandboxUnavailable": ".bwrap", "StripActiveContent": ".sanitize"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
