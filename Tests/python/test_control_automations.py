"""The control bridge's automations against a real daemon: a trigger, a filter, and actions of
every kind (a Podium command, OSC to a python-osc peer, an HTTP request to a real server), each
occurrence fired once, also across a kill -9 of the bridge, every outcome logged; and rules that
are wrong refused at start with their line."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import ControlBridge, wait_until
from osc_peer import OscPeer, free_udp_port


class Hooks:
    """A real HTTP server on loopback that keeps every request it gets."""

    def __init__(self):
        self.requests = []
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hooks.requests.append((self.path, self.headers.get("Content-Type"), json.loads(body or b"null")))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


AUTOMATIONS = """\
osc:
  targets: []
automations:
  - name: welcome
    on: sessionStarted
    room: plenary
    do:
      - command: showMessage
        args: {{text: "Bienvenue {{currentSpeaker}}"}}
      - osc: 127.0.0.1:{cues}
        address: /cue/welcome
        args: ["{{room}}", 1]
      - http: http://127.0.0.1:{hooks}/hook
        body: {{room: "{{room}}", title: "{{currentTitle}}"}}
  - name: over time
    on: phase
    phase: overtime
    do:
      - command: showMessage
        args: {{text: "Temps écoulé", blink: true}}
  - name: not here
    on: sessionStarted
    room: atelier
    do:
      - osc: 127.0.0.1:{cues}
        address: /cue/atelier
  - name: ended
    on: sessionEnded
    do:
      - osc: 127.0.0.1:{cues}
        address: /cue/ended
        args: ["{{room}}"]
"""


def cues_within(peer, seconds):
    got, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        message = peer.receive(max(0.05, deadline - time.monotonic()))
        if message is not None:
            got.append((message.address, message.params))
    return got


def outcomes(log):
    records = [json.loads(line) for line in log.read_text().splitlines()]
    return [record for record in records if record.get("automation")]


@pytest.fixture
def cues():
    peer = OscPeer()
    yield peer
    peer.close()


@pytest.fixture
def hooks():
    server = Hooks()
    yield server
    server.close()


def test_automations_fire_once_also_across_a_kill_and_log_every_outcome(tmp_path, podiumd, cues, hooks):
    settings = tmp_path / "podium.yaml"
    settings.write_text(AUTOMATIONS.format(cues=cues.port, hooks=hooks.port))
    log = tmp_path / "automations.jsonl"
    bridge = ControlBridge(tmp_path, podiumd, osc_port=free_udp_port())
    bridge.extra_arguments = ["--settings", str(settings), "--automation-log", str(log)]
    try:
        bridge.start()
        assert bridge.command("plenary", "start")[0] == 200
        wait_until(lambda: bridge.variables("plenary")["message"] == "Bienvenue Amina Benali", 5,
                   "the welcome message, its {currentSpeaker} filled in")
        assert ("/cue/welcome", ["plenary", 1]) in cues_within(cues, 1.5)
        wait_until(lambda: hooks.requests, 5, "the HTTP hook")
        assert hooks.requests == [("/hook", "application/json", {"room": "plenary", "title": "Opening keynote"})]

        # Over time: the phase becomes overtime, and the speaker gets a blinking message, once.
        left = bridge.variables("plenary")["timeLeftSeconds"]
        assert bridge.command("plenary", "addTime", seconds=-(left + 5))[0] == 200
        over = wait_until(lambda: (lambda v: v["message"] == "Temps écoulé" and v)(bridge.variables("plenary")), 5,
                          "the overtime message")
        assert over["messageBlink"] is True and over["phase"] == "overtime"
        assert bridge.command("plenary", "clearMessage")[0] == 200
        wait_until(lambda: len(outcomes(log)) == 4, 5, "four outcomes logged")

        # kill -9 and start again on the same log: nothing fires a second time.
        bridge.kill()
        bridge.start()
        time.sleep(2.5)  # two of the daemon's seconds: each is a look at the state
        assert bridge.variables("plenary")["message"] == ""
        assert len(outcomes(log)) == 4 and len(hooks.requests) == 1

        assert bridge.command("plenary", "end")[0] == 200
        ended = [cue for cue in cues_within(cues, 2.5) if cue[0].startswith("/cue/")]
        assert ended == [("/cue/ended", ["plenary"])]  # once, and the atelier's never
        records = outcomes(log)
        assert [(record["automation"], record["action"].split()[0], record["ok"]) for record in records] == [
            ("welcome", "command", True), ("welcome", "osc", True), ("welcome", "http", True),
            ("over time", "command", True), ("ended", "osc", True)]
        assert all(record["seq"] > 0 and record["occurrence"].startswith("plenary/") for record in records)
        assert "automation 'ended' on plenary/sessionEnded/opening@" in bridge.stderr_path.read_text()
    finally:
        bridge.kill()


def test_what_the_state_holds_when_the_log_begins_is_not_fired(tmp_path, podiumd, cues):
    settings = tmp_path / "podium.yaml"
    settings.write_text(AUTOMATIONS.format(cues=cues.port, hooks=free_udp_port()))
    assert podiumd.request({"type": "command", "id": "c1", "room": "plenary", "command": "start", "args": {}})[
        "type"] == "ack"
    log = tmp_path / "fresh.jsonl"
    bridge = ControlBridge(tmp_path, podiumd, osc_port=free_udp_port())
    bridge.extra_arguments = ["--settings", str(settings), "--automation-log", str(log)]
    try:
        bridge.start()
        assert not [cue for cue in cues_within(cues, 2.5) if cue[0].startswith("/cue/")]
        assert bridge.variables("plenary")["message"] == ""
        records = [json.loads(line) for line in log.read_text().splitlines()]
        assert records and all(record["baseline"] for record in records)
        assert any(record["occurrence"].startswith("plenary/sessionStarted/opening@") for record in records)
    finally:
        bridge.kill()


@pytest.mark.parametrize("rule, line, words", [
    ("  - on: sessionBegan\n    do: [{command: start}]\n", 3, "unknown trigger 'sessionBegan'"),
    ("  - on: phase\n    phase: late\n    do: [{command: start}]\n", 4, "phase is warning, danger or overtime"),
    ("  - on: late\n    do: [{command: start}]\n", 3, "'on: late' needs 'minutes:'"),
    ("  - on: sessionStarted\n    booth: ar\n    do: [{command: start}]\n", 4, "filters 'on: slowDownRequested' only"),
    ("  - on: sessionStarted\n    do:\n      - command: startSession\n", 5, "unknown command 'startSession'"),
    ("  - on: sessionStarted\n    do:\n      - command: addTime\n        args: {minutes: 2}\n", 6,
     "'addTime' has no argument 'minutes'"),
    ("  - on: sessionStarted\n    do:\n      - command: submitQuestion\n", 5, "the audience's"),
    ("  - on: sessionStarted\n    do:\n      - osc: 127.0.0.1\n        address: /go\n", 5, "is not host:port"),
    ("  - on: sessionStarted\n    do:\n      - http: ftp://example.org/\n", 5, "is not an http:// or https:// URL"),
    ("  - on: sessionStarted\n    do: []\n", 4, "'do:' lists no action"),
])
def test_wrong_rules_are_refused_at_start_with_their_line(tmp_path, podiumd, rule, line, words):
    settings = tmp_path / "podium.yaml"
    settings.write_text("# the crew's rules\nautomations:\n" + rule)
    bridge = ControlBridge(tmp_path, podiumd)
    bridge.extra_arguments = ["--settings", str(settings)]
    result = bridge.run_to_exit()
    assert result.returncode != 0
    assert f"podium.yaml:{line}:" in result.stderr and words in result.stderr, result.stderr
