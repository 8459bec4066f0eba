"""Make each text file end with exactly one newline (a pre-commit hook).

Usage: ``python -m gdcourse.hygiene FILE...``; exits 1 when it had to fix a file.
"""

from __future__ import annotations

import sys
from pathlib import Path


def fix(path: Path) -> bool:
    """Rewrite ``path`` so it ends with one newline; return True if it changed."""
    data = path.read_bytes()
    if not data:
        return False
    fixed = data.rstrip(b"\r\n") + b"\n"
    if fixed == data:
        return False
    path.write_bytes(fixed)
    return True


def main(argv: list[str] | None = None) -> int:
    changed = [p for p in map(Path, argv if argv is not None else sys.argv[1:]) if fix(p)]
    for p in changed:
        print(f"{p}: fixed the end of the file")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
