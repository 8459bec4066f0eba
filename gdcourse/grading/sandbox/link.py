"""The judge's own line to the learner's kernel: wake its server, interrupt it.

The judge talks to :mod:`.server` over a private socket pair (the kernel's end is inherited
through bubblewrap, never a path anyone can open). To make the kernel's main thread start
serving, the judge sends one ``gd_judge_request`` on the kernel's shell channel; to stop a call
that runs too long, an ``interrupt_request`` on its control channel (the kernel then raises
KeyboardInterrupt in itself). Both go through zmq sockets of the judge's own, which read
nothing back: whatever the kernel sends them is dropped, and large messages are refused.
"""

from __future__ import annotations

import zmq
from jupyter_client.session import Session, json_packer, json_unpacker

from .server import MSG_TYPE


def endpoint(info: dict, channel: str) -> str:
    port = info[f"{channel}_port"]
    if info.get("transport", "tcp") == "ipc":
        return f"ipc://{info['ip']}-{port}"
    return f"tcp://{info['ip']}:{port}"


class KernelPort:
    """Shell and control sockets of the judge, from a kernel's connection info."""

    def __init__(self, info: dict) -> None:
        key = info["key"]
        self.session = Session(key=key.encode() if isinstance(key, str) else key,
                               signature_scheme=info.get("signature_scheme", "hmac-sha256"),
                               packer="json", unpacker="json")
        self.session.pack, self.session.unpack = json_packer, json_unpacker  # never pickle
        self.context = zmq.Context()
        self.shell = self._socket(endpoint(info, "shell"))
        self.control = self._socket(endpoint(info, "control"))

    def _socket(self, url: str) -> zmq.Socket:
        sock = self.context.socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.MAXMSGSIZE, 65536)  # replies are not read: refuse big ones
        sock.setsockopt(zmq.RCVHWM, 16)
        sock.connect(url)
        return sock

    def _drain(self, sock: zmq.Socket) -> None:
        try:
            while True:
                sock.recv_multipart(zmq.NOBLOCK)
        except zmq.Again:
            pass

    def trigger(self) -> None:
        """Ask the kernel's main thread to serve the judge (see :mod:`.server`)."""
        self._drain(self.shell)
        self.session.send(self.shell, MSG_TYPE, {})

    def interrupt(self) -> None:
        """Raise KeyboardInterrupt in the kernel (what Jupyter's interrupt does)."""
        self._drain(self.control)
        self.session.send(self.control, "interrupt_request", {})

    def close(self) -> None:
        for sock in (self.shell, self.control):
            sock.close(linger=0)
        self.context.term()
