"""A seccomp filter for the sandbox: the few system calls a grader's kernel never needs.

bubblewrap loads it (``--seccomp FD``) just before it starts :mod:`.inner`. It refuses:

- making a **user namespace** (``unshare``/``clone`` with ``CLONE_NEWUSER``; ``clone3``, whose
  flags a filter cannot read, answers ENOSYS so the C library falls back to ``clone``): in one,
  the learner's code would be root again and could mount a tmpfs without the size limit, or
  reach code of the kernel that unprivileged users otherwise cannot. bubblewrap's
  ``--disable-userns`` does this for an unprivileged grader; as root there is no user
  namespace to disable it in, so the filter is what stops it;
- the **kernel keyrings** (``keyctl``, ``add_key``, ``request_key``): keys the grader's session
  holds are readable by any process of that session;
- ``perf_event_open``, ``userfaultfd`` and ``io_uring``: kernel attack surface, unused here;
- system calls of another ABI (i386 on x86_64, x32): they would bypass the numbers above.

Everything else is allowed. The program is classic BPF, built here for x86_64 and aarch64;
elsewhere :func:`program` returns None and the sandbox goes without it.
"""

from __future__ import annotations

import errno
import os
import platform
import struct

CLONE_NEWUSER = 0x10000000
ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
SYSCALLS = {
    "x86_64": {"unshare": 272, "clone": 56, "clone3": 435, "keyctl": 250, "add_key": 248,
               "request_key": 249, "perf_event_open": 298, "userfaultfd": 323,
               "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427},
    "aarch64": {"unshare": 97, "clone": 220, "clone3": 435, "keyctl": 219, "add_key": 217,
                "request_key": 218, "perf_event_open": 241, "userfaultfd": 282,
                "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427},
}
DENIED = ("keyctl", "add_key", "request_key", "perf_event_open", "userfaultfd",
          "io_uring_setup", "io_uring_enter", "io_uring_register")

LD_ABS, JEQ, JGE, JSET, RET = 0x20, 0x15, 0x35, 0x45, 0x06
ALLOW = 0x7FFF0000
ERRNO = 0x00050000


def _assemble(code: list) -> bytes:
    """Instructions ``(op, k, jt_label, jf_label)`` or labels (str) -> struct sock_filter[]."""
    labels, pos = {}, 0
    for item in code:
        if isinstance(item, str):
            labels[item] = pos
        else:
            pos += 1
    out, pos = [], 0
    for item in code:
        if isinstance(item, str):
            continue
        op, k, jt, jf = (*item, None, None)[:4]
        jt = labels[jt] - pos - 1 if jt else 0
        jf = labels[jf] - pos - 1 if jf else 0
        out.append(struct.pack("<HBBI", op, jt, jf, k))
        pos += 1
    return b"".join(out)


def program(machine: str | None = None) -> bytes | None:
    """The filter for ``machine`` (default: this one), or None if it is not known."""
    machine = machine or platform.machine()
    if machine not in ARCH:
        return None
    nr = SYSCALLS[machine]
    code: list = [
        (LD_ABS, 4), (JEQ, ARCH[machine], "native", "eperm"), "native",
        (LD_ABS, 0), (JGE, 0x40000000, "eperm", "numbers"), "numbers",
        (JEQ, nr["unshare"], "flags", None), (JEQ, nr["clone"], "flags", None),
        (JEQ, nr["clone3"], "enosys", None),
    ]
    code += [(JEQ, nr[name], "eperm", None) for name in DENIED]
    code += [(RET, ALLOW),
             "flags", (LD_ABS, 16), (JSET, CLONE_NEWUSER, "eperm", "allow"),
             "allow", (RET, ALLOW),
             "eperm", (RET, ERRNO | errno.EPERM),
             "enosys", (RET, ERRNO | errno.ENOSYS)]
    return _assemble(code)


def pipe_fd(machine: str | None = None) -> int | None:
    """A readable file descriptor holding the program (for ``bwrap --seccomp``), or None."""
    prog = program(machine)
    if prog is None:
        return None
    r, w = os.pipe()
    os.write(w, prog)
    os.close(w)
    return r
