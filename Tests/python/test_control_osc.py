"""OSC in and out of the control bridge, with python-osc as the peer on real UDP sockets: commands
by address, replies to the sender, refusals that change nothing, hosts not allowed, a flood of
10,000 malformed packets, and the rooms' variables sent to a target on each change and each second."""
import random
import time

import pytest
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from conftest import ControlBridge, wait_until
from osc_peer import OscPeer, free_udp_port, osc_packet


@pytest.fixture
def peer():
    osc = OscPeer()
    yield osc
    osc.close()


@pytest.fixture
def receiver():
    """Where the bridge sends its variables."""
    osc = OscPeer()
    yield osc
    osc.close()


@pytest.fixture
def osc_bridge(tmp_path, podiumd, receiver):
    """podium-control with OSC on a port of its own, obeying this machine, sending to `receiver`."""
    server = ControlBridge(tmp_path, podiumd, osc_port=free_udp_port(), osc_targets=[f"127.0.0.1:{receiver.port}"])
    try:
        yield server.start()
    finally:
        server.kill()


def test_osc_commands_drive_the_room_and_each_gets_a_reply(osc_bridge, peer):
    port = osc_bridge.osc_port
    kind, params = peer.ask(port, "/podium/plenary/start")
    assert kind == "/podium/ok" and params[1] > 0, params
    running = wait_until(lambda: (lambda v: v["onAir"] and v)(osc_bridge.variables("plenary")), 5, "on air")

    assert peer.ask(port, "/podium/plenary/addtime", 60)[0] == "/podium/ok"  # an integer, lower case
    wait_until(lambda: osc_bridge.variables("plenary")["timeLeftSeconds"] >= running["timeLeftSeconds"] + 55, 5,
               "a minute more")
    assert peer.ask(port, "/podium/plenary/addTime", 30.0)[0] == "/podium/ok"  # a float, as TouchOSC sends
    wait_until(lambda: osc_bridge.variables("plenary")["timeLeftSeconds"] >= running["timeLeftSeconds"] + 85, 5,
               "30 s more")

    assert peer.ask(port, "/podium/plenary/message", "الكلمة لكم", True)[0] == "/podium/ok"
    shown = wait_until(lambda: (lambda v: v["message"] and v)(osc_bridge.variables("plenary")), 5, "the message")
    assert (shown["message"], shown["messageBlink"], shown["blackout"]) == ("الكلمة لكم", True, False)
    assert peer.ask(port, "/podium/plenary/blackout", 1)[0] == "/podium/ok"
    black = wait_until(lambda: (lambda v: v["blackout"] and v)(osc_bridge.variables("plenary")), 5, "blackout")
    assert (black["message"], black["messageBlink"]) == ("الكلمة لكم", True)  # the message stays under it
    assert peer.ask(port, "/podium/plenary/blackout", 0.0)[0] == "/podium/ok"
    wait_until(lambda: not osc_bridge.variables("plenary")["blackout"], 5, "the monitor back")
    assert osc_bridge.variables("plenary")["message"] == ""

    # Every command, by its name: a choice as a text, a yes/no as 1/0.
    assert peer.ask(port, "/podium/plenary/setfloorlanguage", "fr")[0] == "/podium/ok"
    assert peer.ask(port, "/podium/plenary/setroomfull", 1)[0] == "/podium/ok"
    wait_until(lambda: (lambda v: v["floorLanguage"] == "fr" and v["roomFull"])(osc_bridge.variables("plenary")), 5,
               "the floor in French and the room full")
    assert peer.ask(port, "/podium/plenary/pause")[0] == "/podium/ok"
    wait_until(lambda: osc_bridge.variables("plenary")["paused"], 5, "paused")


def test_bad_osc_gets_a_clear_refusal_and_changes_nothing(osc_bridge, peer, podiumd):
    port = osc_bridge.osc_port
    before = podiumd.snapshot()["seq"]
    refusals = [
        (("/podium/plenary/nosuchcommand",), "unknown_command", "no command 'nosuchcommand'"),
        (("/elsewhere/plenary/start",), "unknown_command", "/podium/<room>/<command>"),
        (("/podium/plenary",), "unknown_command", "/podium/<room>/<command>"),
        (("/podium/plenary/addtime", "soon"), "invalid_argument", "argument 1 (seconds) must be a number"),
        (("/podium/plenary/addtime", 60, 5), "invalid_argument", "takes at most 1 argument"),
        (("/podium/plenary/addtime", 1.5e300 * 1e10), "invalid_argument", "seconds"),  # inf as a float
        (("/podium/plenary/addtime",), "invalid_argument", "seconds"),
        (("/podium/plenary/blackout", "yes"), "invalid_argument", "blackout takes one number"),
        (("/podium/plenary/setroomfull", "maybe"), "invalid_argument", "(full) must be T, F or a number"),
        (("/podium/nowhere/start",), "unknown_room", "nowhere"),
        (("/podium/plenary/submitquestion", "Hello?"), "out_of_scope", "submitQuestion"),
        (("/podium/plenary/pause",), "not_allowed_in_state", ""),
    ]
    for message, code, words in refusals:
        kind, params = peer.ask(port, *message)
        assert (kind, params[1]) == ("/podium/error", code), (message, params)
        assert words in params[2], (message, params)

    # What is no OSC message: refused as malformed, answered all the same.
    bundle = OscBundleBuilder(IMMEDIATELY)
    bundle.add_content(OscMessageBuilder(address="/podium/plenary/start").build())
    for packet in [bundle.build().dgram, b"garbage!", b"/podium/plenary/start", b""]:
        peer.send(port, packet)
        reply = peer.receive(3)
        assert reply is not None and reply.address == "/podium/error", packet
        assert reply.params[1] == "malformed", (packet, reply.params)
    assert "bundle" in OscMessage(_answer(peer, port, bundle.build().dgram)).params[2]
    assert podiumd.snapshot()["seq"] == before
    assert osc_bridge.variables("plenary")["phase"] == "idle"


def _answer(peer, port, packet):
    peer.send(port, packet)
    peer.socket.settimeout(3)
    return peer.socket.recvfrom(65536)[0]


def test_osc_from_a_host_osc_allow_does_not_list_is_dropped_unanswered(tmp_path, podiumd, peer):
    port = free_udp_port()
    bridge = ControlBridge(tmp_path, podiumd, osc_port=port, osc_allow=["10.9.9.0/24"])
    try:
        bridge.start()
        before = podiumd.snapshot()["seq"]
        peer.send(port, osc_packet("/podium/plenary/start"))
        assert peer.receive(1.5) is None  # no answer: a stranger learns nothing
        assert podiumd.snapshot()["seq"] == before and bridge.variables("plenary")["phase"] == "idle"
        assert "which osc.allow does not list" in bridge.stderr_path.read_text()
    finally:
        bridge.kill()


def malformed_packets(count, seed=15):
    """`count` packets that are no OSC message a bridge may act on, of every kind: random bytes,
    cut short, sizes not a multiple of 4, unknown type tags, unpadded or unterminated strings,
    texts not UTF-8, bundles, oversize, empty. None is a well-formed message."""
    rng = random.Random(seed)
    real = osc_packet("/podium/plenary/addtime", 60)
    text = osc_packet("/podium/plenary/message", "hello")
    makers = [
        lambda: bytes([rng.randrange(0x30, 256)]) + rng.randbytes(rng.randrange(0, 64)),  # no '/' first
        lambda: real[:rng.choice([n for n in range(1, len(real)) if n % 4])],  # not a multiple of 4
        lambda: real[:rng.choice([20, 24])] + b"\0\0",  # the integer cut short
        lambda: real.replace(b",i\0\0", b",q\0\0"),  # an unknown type tag
        lambda: real.replace(b",i\0\0", b"xi\0\0"),  # type tags without ','
        lambda: b"/podium/plenary/start",  # no terminating NUL
        lambda: text.replace(b"hello\0\0\0", b"hel\xff\xfeo\0\0"),  # not UTF-8
        lambda: text.replace(b"hello\0\0\0", b"hello\0\x01\0"),  # padding not zeros
        lambda: b"#bundle\0" + bytes(8) + len(real).to_bytes(4, "big") + real,  # a bundle
        lambda: b"/" + bytes(9000),  # oversize
        lambda: b"",
    ]
    return [makers[index % len(makers)]() for index in range(count)]


def test_ten_thousand_malformed_packets_leave_the_bridge_up_and_the_state_unchanged(osc_bridge, peer, podiumd):
    port = osc_bridge.osc_port
    before = podiumd.snapshot()["seq"]
    packets = malformed_packets(10_000)
    answered = 0
    window = 250
    for start in range(0, len(packets), window):
        for packet in packets[start:start + window]:
            peer.send(port, packet)
        # Each window is answered before the next goes: every packet reaches the bridge, none is lost in a buffer.
        for _ in range(window):
            reply = peer.receive(5)
            assert reply is not None, f"the bridge stopped answering after {answered} packets"
            assert reply.address == "/podium/error" and reply.params[1] in ("malformed", "unknown_command"), \
                reply.params
            answered += 1
    assert answered == 10_000
    assert osc_bridge.process.poll() is None
    assert podiumd.snapshot()["seq"] == before
    assert peer.ask(port, "/podium/plenary/start")[0] == "/podium/ok"  # and it still serves
    assert "OSC refused 10000 packets" in osc_bridge.stderr_path.read_text()


def test_osc_out_sends_the_variables_on_each_change_and_every_second(osc_bridge, receiver):
    def messages(seconds):
        got, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = receiver.receive(max(0.05, deadline - time.monotonic()))
            if message is not None:
                got.append((time.monotonic(), message.address, message.params))
        return got

    first = messages(1.5)
    sent = {address: params for _, address, params in first}
    assert sent["/podium/plenary/phase"] == ["idle"] and sent["/podium/plenary/onair"] == [0]
    assert sent["/podium/plenary/nexttitle"] == ["Opening keynote"]
    assert sent["/podium/atelier/phase"] == ["idle"]
    assert "/podium/plenary/booths/en/onmic" in sent and "/podium/plenary/asof" not in sent

    started = time.monotonic()
    assert osc_bridge.command("plenary", "start")[0] == 200
    later = messages(2.6)
    on_air = [at for at, address, params in later if address == "/podium/plenary/onair" and params == [1]]
    assert on_air and on_air[0] - started < 0.5, "the change is sent at once, not at the next second"
    ticks = [(at, params[0]) for at, address, params in later if address == "/podium/plenary/timeleftseconds"]
    assert len(ticks) >= 2 and all(isinstance(value, int) for _, value in ticks)
    assert ticks[-1][1] < ticks[0][1]  # counting down, one message a second
    clock = [params[0] for _, address, params in later if address == "/podium/plenary/timeleft"]
    assert clock and all(len(value.split(":")) == 2 for value in clock)
