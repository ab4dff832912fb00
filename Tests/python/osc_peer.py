"""A python-osc peer on real UDP sockets, shared by the OSC tests and the OSC benchmark: the datagrams
python-osc writes, a free UDP port, and a peer that sends to the control bridge and reads what comes back."""
import socket
import time

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder


def free_udp_port():
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def osc_packet(address, *args):
    """The datagram python-osc writes for `address` with `args` (int i, float f, str s, bool T/F)."""
    builder = OscMessageBuilder(address=address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


class OscPeer:
    """A python-osc peer on its own UDP port: sends to the bridge, reads what comes back."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]

    def send(self, to, packet):
        self.socket.sendto(packet, ("127.0.0.1", to))

    def receive(self, timeout=2.0):
        """The next message (a python-osc OscMessage), or None after `timeout` seconds."""
        self.socket.settimeout(timeout)
        try:
            data, _ = self.socket.recvfrom(65536)
        except (socket.timeout, BlockingIOError):  # timeout 0: nothing waiting
            return None
        return OscMessage(data)

    def drain(self):
        """Drops what has queued up so far (what came before a measurement)."""
        while self.receive(timeout=0) is not None:
            pass

    def ask(self, to, address, *args, timeout=3.0):
        """Sends one message and returns the bridge's reply to it: (`/podium/ok` or `/podium/error`, params)."""
        self.send(to, osc_packet(address, *args))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = self.receive(max(0.05, deadline - time.monotonic()))
            if reply is not None and reply.address in ("/podium/ok", "/podium/error") and reply.params[0] == address:
                return reply.address, reply.params
        raise AssertionError(f"no reply to {address} within {timeout} s")

    def close(self):
        self.socket.close()
