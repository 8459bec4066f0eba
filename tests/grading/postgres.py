"""A throwaway PostgreSQL server on loopback, for the tests of a shared gradebook.

The URL names the driver, ``postgresql+psycopg2://``: SQLAlchemy 2.1 reads a bare
``postgresql://`` as psycopg 3, which the course does not install.

It uses Debian's ``postgresql`` package (``/usr/lib/postgresql/<version>/bin``; ``.ci/run``
installs it). PostgreSQL refuses to run as root: under root the cluster belongs to the
``postgres`` account and its commands run through ``runuser``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unavailable() -> str | None:
    """Why a server cannot be started here, or None."""
    if _bindir() is None:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser: PostgreSQL refuses to run as root"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres account to run the server"
    return None


@contextlib.contextmanager
def server(database: str = "gradebook"):
    """Start a server with ``database``; yield its URL; stop it and delete everything."""
    bindir = _bindir()
    as_user: list[str] = []
    data = Path(tempfile.mkdtemp(prefix="gdcourse-pg-"))
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(data, "postgres")
    port = _free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True,
                       timeout=120, cwd="/")

    try:
        run(str(bindir / "initdb"), "-D", str(data / "db"), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C")
        run(str(bindir / "pg_ctl"), "-D", str(data / "db"), "-l", str(data / "log"), "-w",
            "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        try:
            run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                database)
            yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/{database}"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "stop")
    finally:
        shutil.rmtree(data, ignore_errors=True)
