"""The Python example plugin (plugins/examples/python) against a real podiumd,
and the daemon's answers to bad input, as docs/PROTOCOL.md describes them."""
import importlib.util
import json
import queue
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
import zmq
from conftest import REPO, Podiumd, hermetic_environment, instant as text, wait_until

PLUGIN = REPO / "plugins" / "examples" / "python" / "podium_example.py"


def load_plugin_module():
    spec = importlib.util.spec_from_file_location("podium_example", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_plugin(podiumd, *args, timeout=30):
    return subprocess.run(
        [sys.executable, str(PLUGIN), "--command-endpoint", podiumd.command_endpoint,
         "--update-endpoint", podiumd.update_endpoint, *args],
        capture_output=True, text=True, timeout=timeout, env=hermetic_environment())


class RunningPlugin:
    """The plugin following the daemon in the background; its output read line by line."""

    def __init__(self, podiumd):
        self.process = subprocess.Popen(
            [sys.executable, "-u", str(PLUGIN), "--command-endpoint", podiumd.command_endpoint,
             "--update-endpoint", podiumd.update_endpoint],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=hermetic_environment())
        self.lines, self.fresh = [], queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.seen = 0  # lines before this index were consumed by expect()

    def _read(self):
        for line in self.process.stdout:
            self.fresh.put(line.rstrip("\n"))

    def expect(self, pattern, timeout=15):
        """The first line from now on matching the regular expression; fails after timeout."""
        regex, deadline = re.compile(pattern), time.monotonic() + timeout
        while True:
            while self.seen < len(self.lines):
                line = self.lines[self.seen]
                self.seen += 1
                match = regex.search(line)
                if match:
                    return match
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None and self.fresh.empty():
                tail = "\n".join(self.lines[-40:])
                pytest.fail(f"no line matching {pattern!r} within {timeout} s; last lines:\n{tail}")
            try:
                self.lines.append(self.fresh.get(timeout=min(remaining, 0.2)))
            except queue.Empty:
                pass

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def plugin(podiumd):
    running = RunningPlugin(podiumd)
    try:
        running.expect(r"^snapshot seq \d+")
        yield running
    finally:
        running.stop()


def left_seconds(match):
    minutes, seconds = match.group("left").split(":")[-2:]
    return int(minutes) * 60 + int(seconds)


ROOM_LINE = r"^room {room} \| now: {title} \| left (?P<left>-?\d+:\d\d(:\d\d)?)(?P<paused> \(paused\))? \| phase (?P<phase>\w+) \| late (?P<late>[+-]\d+) min \| next (?P<next>.*)$"


# (a) -------------------------------------------------------------------------------------------


def test_command_then_once_shows_the_started_session_and_its_time_left(podiumd):
    started = run_plugin(podiumd, "--command", "start", "--room", "plenary", "--args", '{"session": "opening"}',
                         "--id", "pytest-start-1")
    assert started.returncode == 0, started.stdout + started.stderr
    assert started.stdout.strip() == "ack pytest-start-1: sessionStarted #4"

    again = run_plugin(podiumd, "--command", "start", "--room", "plenary", "--args", '{"session": "opening"}',
                       "--id", "pytest-start-1")
    assert again.stdout.strip() == "ack pytest-start-1: sessionStarted #4 (duplicate)"

    refused = run_plugin(podiumd, "--command", "start", "--room", "plenary")
    assert refused.returncode == 2
    assert refused.stdout.startswith("error not_allowed_in_state: ")

    once = run_plugin(podiumd, "--once")
    assert once.returncode == 0, once.stdout + once.stderr
    plenary = re.search(ROOM_LINE.format(room="plenary", title="Opening keynote"), once.stdout, re.M)
    assert plenary, once.stdout
    assert 29 * 60 <= left_seconds(plenary) <= 30 * 60  # a 30-minute session, just started
    assert plenary.group("phase") == "normal" and plenary.group("paused") is None
    assert int(plenary.group("late")) in (10, 11)  # planned 30 min from 10 min ago: it ends 10 min late
    assert plenary.group("next").endswith(" Panel")
    atelier = re.search(r"^room atelier \| now: - \| left --:-- \| phase - \| late \+(\d+) min \| next \d\d:\d\d Workshop$",
                        once.stdout, re.M)
    assert atelier and int(atelier.group(1)) in (5, 6), once.stdout  # the workshop should have begun 5 min ago


# (b) -------------------------------------------------------------------------------------------


def test_the_running_plugin_prints_what_the_cli_changes(podiumd, plugin):
    plugin.expect(r"^room plenary \| now: - \| left --:-- ")
    podiumd.cli("start", "plenary")  # the room's next session: the opening keynote
    plugin.expect(r"^update #4 room/plenary sessionStarted$")
    started = plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"))
    assert 29 * 60 <= left_seconds(started) <= 30 * 60

    podiumd.cli("add-time", "plenary", "+5m")
    plugin.expect(r"^update #5 room/plenary timeAdded$")
    longer = plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"))
    assert 34 * 60 <= left_seconds(longer) <= 35 * 60
    assert int(longer.group("late")) in (15, 16)  # 10 min late start + 5 min added

    podiumd.cli("pause", "plenary")
    plugin.expect(r"^update #6 room/plenary sessionPaused$")
    paused = plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"))
    assert paused.group("paused")
    # Printed again once a second, with the countdown frozen.
    for _ in range(2):
        again = plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"), timeout=3)
        assert again.group("paused") and again.group("left") == paused.group("left")

    podiumd.cli("start", "atelier", "--session", "workshop")
    plugin.expect(r"^update #7 room/atelier sessionStarted$")
    plugin.expect(ROOM_LINE.format(room="atelier", title="Workshop"))


# (c) -------------------------------------------------------------------------------------------


def test_the_plugin_resyncs_by_itself_after_kill_9_and_a_restart(podiumd, plugin):
    podiumd.cli("start", "plenary")
    plugin.expect(r"^update #4 room/plenary sessionStarted$")

    podiumd.kill()  # kill -9
    plugin.expect(r"^# silent for 3 s: daemon gone", timeout=10)
    plugin.expect(r"^# resync: no snapshot within", timeout=10)  # retrying with backoff

    podiumd.start()  # the same ports and data directory
    assert podiumd.ready_seq == 4  # the sequence continues from the log
    plugin.expect(r"^snapshot seq 4: 5 topics$", timeout=20)  # conference, 2 rooms, 2 question boards
    plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"))

    podiumd.cli("add-time", "plenary", "+10m")
    plugin.expect(r"^update #5 room/plenary timeAdded$")
    line = plugin.expect(ROOM_LINE.format(room="plenary", title="Opening keynote"))
    assert 39 * 60 <= left_seconds(line) <= 40 * 60
    assert plugin.process.poll() is None  # the same process all along


def test_after_a_quick_restart_the_plugin_catches_up_whether_or_not_it_saw_the_update(podiumd, plugin):
    podiumd.cli("start", "plenary")
    plugin.expect(r"^update #4 room/plenary sessionStarted$")
    podiumd.kill()
    podiumd.start()
    # Sent at once: the update is usually published before the SUB socket has reconnected, and
    # lost; the next heartbeat's heads then show the plugin it missed one.
    podiumd.cli("end", "plenary")
    caught_up = plugin.expect(r"^(update #5 room/plenary sessionEnded|snapshot seq 5: 5 topics)$", timeout=20)
    print("caught up by:", caught_up.group(0))
    plugin.expect(r"^room plenary \| now: - \| left --:-- \| phase - \| late [+-]\d+ min \| next \d\d:\d\d Panel$")


def test_a_daemon_whose_log_went_back_makes_the_plugin_resnapshot(podiumd, plugin, tmp_path):
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+1m")
    plugin.expect(r"^update #5 room/plenary timeAdded$")
    podiumd.kill()
    podiumd.data_dir = tmp_path / "empty-data"  # as if the log had been restored from an old backup
    podiumd.start()
    assert podiumd.ready_seq == 3
    # Normally the first heartbeat (seq 3 < 5) tells; a slow restart may look like silence first.
    plugin.expect(r"^# resync: (heartbeat heads|reconnected|no snapshot)", timeout=20)
    plugin.expect(r"^snapshot seq 3: 5 topics$", timeout=20)
    plugin.expect(r"^room plenary \| now: - \| left --:-- ")


# (d) -------------------------------------------------------------------------------------------


def command(name, room="plenary", args=None, **extra):
    body = {"type": "command", "id": f"bad-{name}-{room}", "room": room, "command": name, **extra}
    if args is not None:
        body["args"] = args
    return json.dumps(body).encode()


HELLO = b'{"type": "hello", "id": "h"}'
BAD_INPUTS = {
    # name: (frames, code, field, id echoed)
    "invalid UTF-8": ([b'{"type": "hello", "id": "\xff\xfe"}'], "malformed", None, None),
    "not JSON": ([b"start plenary"], "malformed", None, None),
    "a JSON array": ([b'[{"type": "hello"}]'], "malformed", None, None),
    "a JSON string": ([b'"hello"'], "malformed", None, None),
    "three body frames": ([command("addTime", args={"seconds": 60})] * 3, "malformed", None, None),
    "two bodies after a delimiter": ([b"", HELLO, HELLO], "malformed", None, None),
    "no type": ([b'{"id": "t"}'], "malformed", "type", "t"),
    "an unknown type": ([b'{"type": "launch", "id": "u"}'], "unknown_type", "type", "u"),
    "an unknown command": ([command("explode")], "unknown_command", "command", "bad-explode-plenary"),
    "an unknown room": ([command("addTime", room="nowhere", args={"seconds": 60})], "unknown_room", "room",
                        "bad-addTime-nowhere"),
    "an unknown session": ([command("start", room="atelier", args={"session": "nope"})], "unknown_session",
                           "session", "bad-start-atelier"),
    "an unknown args field": ([command("addTime", args={"seconds": 60, "minutes": 1})], "invalid_argument",
                              "minutes", "bad-addTime-plenary"),
    "an unknown request field": ([command("addTime", args={"seconds": 60}, priority=1)], "invalid_argument",
                                 "priority", "bad-addTime-plenary"),
    "an argument of the wrong type": ([command("addTime", args={"seconds": "60"})], "invalid_argument", "seconds",
                                      "bad-addTime-plenary"),
    "a command without id": ([b'{"type": "command", "room": "plenary", "command": "end"}'], "invalid_argument",
                             "id", None),
    "a 20 KB body": ([command("showMessage", args={"text": "x" * 20_000})], "message_too_large", None, None),
    "protocol 99": ([command("addTime", args={"seconds": 60}, protocol=99)], "unsupported_version", "protocol",
                    "bad-addTime-plenary"),
    "a command refused by the rules": ([command("resume")], "not_allowed_in_state", None, "bad-resume-plenary"),
}


def stable(snapshot):
    """What must not change while nothing is applied: seq, heads and every time-independent value."""
    entries = {}
    for entry in snapshot["entries"]:
        value = dict(entry["value"])
        if entry["topic"].startswith("room/"):
            for name in ("asOf", "offset", "upcoming"):
                value.pop(name)
            if "current" in value:
                value["current"] = {key: value["current"][key] for key in ("session", "startedAt", "endsAt", "paused")}
        entries[entry["topic"]] = (entry["seq"], value)
    return snapshot["seq"], snapshot["heads"], entries


@pytest.fixture(scope="module")
def busy_podiumd(module_podiumd):
    """The module's daemon with a session on and a message shown."""
    module_podiumd.cli("start", "plenary")
    module_podiumd.cli("message", "plenary", "Two minutes")
    return module_podiumd


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gets_the_documented_error_and_changes_nothing(busy_podiumd, case):
    frames, code, field, echoed_id = BAD_INPUTS[case]
    before = busy_podiumd.snapshot()
    reply_frames = busy_podiumd.send_frames(frames)
    assert reply_frames is not None, "no reply"
    if frames[0] == b"":  # REQ-style envelope: the reply mirrors it
        assert reply_frames[0] == b""
        reply_frames = reply_frames[1:]
    assert len(reply_frames) == 1
    reply = json.loads(reply_frames[0])
    assert reply["type"] == "error" and reply["code"] == code, reply
    assert reply.get("field") == field, reply
    assert reply.get("id") == echoed_id, reply
    assert reply["message"]
    after = busy_podiumd.snapshot()
    assert stable(after) == stable(before)
    assert busy_podiumd.request({"type": "hello", "id": "still-there"})["type"] == "welcome"


def test_a_frame_over_1_mib_gets_no_reply_and_the_daemon_carries_on(busy_podiumd):
    before = busy_podiumd.snapshot()
    assert busy_podiumd.send_frames([b"x" * (1024 * 1024 + 1)], timeout=1) is None
    assert busy_podiumd.request({"type": "hello", "protocol": 1})["protocol"] == 1
    assert stable(busy_podiumd.snapshot()) == stable(before)


def test_req_sockets_and_req_style_envelopes_are_answered(busy_podiumd):
    reply = busy_podiumd.send_frames([HELLO], socket_type=zmq.REQ)
    assert json.loads(reply[0])["type"] == "welcome"
    reply = busy_podiumd.send_frames([b"", HELLO])  # a DEALER speaking like REQ
    assert reply[0] == b"" and json.loads(reply[1])["type"] == "welcome"


# The plugin's own rules, fed synthetic messages ------------------------------------------------


def update(seq, prev, topic="room/plenary", value=None):
    return {"type": "update", "seq": seq, "prev": prev, "topic": topic, "stream": topic, "event": "test",
            "at": "2026-06-25T09:00:00.000Z", "value": value if value is not None else {"seq": seq}}


def frames(body, topic="room/plenary"):
    return [topic.encode(), json.dumps(body).encode()]


@pytest.fixture
def follower():
    module = load_plugin_module()
    context = zmq.Context()
    follower = module.Follower(context, "tcp://127.0.0.1:9", "tcp://127.0.0.1:9")  # nobody there
    follower.sync = "waiting"
    follower.pending["snap"] = ("snapshot", time.time(), time.time() + 60)
    yield follower
    follower.close_sockets()
    context.destroy(linger=0)


def snapshot_reply(seq, heads):
    return {"type": "snapshot", "id": "snap", "prefix": "", "seq": seq, "heads": heads, "extra": "ignored",
            "entries": [{"topic": topic, "seq": head, "value": {"seq": head}} for topic, head in heads.items()]}


def test_updates_queued_during_the_snapshot_are_dropped_or_applied_by_prev(follower):
    for body in (update(4, 0), update(5, 4), update(6, 5)):
        follower.on_message(frames(body))
    assert follower.values == {}  # queued, not applied
    assert follower.on_reply(snapshot_reply(5, {"room/plenary": 5, "conference": 1}))
    assert follower.sync == "live"
    assert follower.heads == {"room/plenary": 6, "conference": 1} and follower.seq == 6
    assert follower.values["room/plenary"] == {"seq": 6}


def test_a_gap_among_queued_updates_means_another_snapshot(follower):
    follower.on_message(frames(update(8, 7)))
    assert not follower.on_reply(snapshot_reply(5, {"room/plenary": 5}))
    assert follower.sync == "due"


def test_live_updates_follow_the_seq_and_prev_rule(follower):
    follower.on_reply(snapshot_reply(5, {"room/plenary": 5}))
    assert not follower.on_message(frames(update(5, 3)))  # already in the snapshot
    assert not follower.on_message(frames({"type": "novelty", "seq": 99}))  # unknown type: ignored
    assert not follower.on_message([b"room/plenary"])  # wrong frame count: ignored
    assert follower.on_message(frames(update(6, 5)))
    assert follower.on_message(frames(dict(update(7, 6), value=None)))  # null: the topic is gone
    assert "room/plenary" not in follower.values and follower.sync == "live"
    assert not follower.on_message(frames(update(9, 8)))  # 8 was missed
    assert follower.sync == "due"


@pytest.mark.parametrize("heartbeat, resyncs", [
    ({"seq": 5, "heads": {"room/plenary": 5}}, False),
    ({"seq": 6, "heads": {"room/plenary": 6}}, True),  # an update was missed
    ({"seq": 6, "heads": {"room/plenary": 5, "room/atelier": 6}}, True),  # a whole stream was missed
    ({"seq": 3, "heads": {"room/plenary": 3}}, True),  # the daemon's log went back
])
def test_heartbeats_that_disagree_mean_another_snapshot(follower, heartbeat, resyncs):
    follower.on_reply(snapshot_reply(5, {"room/plenary": 5}))
    follower.on_message(frames({"type": "heartbeat", "protocol": 1, "instance": "i", "now": "2026-06-25T09:00:00Z",
                                **heartbeat}, topic="sys/heartbeat"))
    assert follower.sync == ("due" if resyncs else "live")


# Drawing time: the plugin's recomputation gives back what the daemon publishes (§10) -----------


def test_countdowns_lateness_and_expected_starts_recomputed_match_the_daemon(tmp_path):
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    at = lambda minutes: text(now + timedelta(minutes=minutes))  # noqa: E731
    conference = tmp_path / "timing.yaml"
    conference.write_text(f"""\
conference: {{id: timing, name: Timing, timeZone: Europe/Paris, languages: [{{code: en, name: English}}]}}
rooms: [{{id: over, name: Over}}, {{id: paused, name: Paused}}, {{id: idle, name: Idle}}]
sessions:
  - {{id: a, room: over, title: A, start: {at(-60)}, end: {at(-30)}}}
  - {{id: b, room: over, title: B, start: {at(-20)}, end: {at(10)}}}
  - {{id: c, room: over, title: C, start: {at(40)}, end: {at(60)}}}
  - {{id: d, room: paused, title: D, start: {at(-10)}, end: {at(20)}}}
  - {{id: e, room: paused, title: E, start: {at(20)}, end: {at(50)}}}
  - {{id: f, room: idle, title: F, start: {at(-15)}, end: {at(15)}}}
  - {{id: g, room: idle, title: G, start: {at(15)}, end: {at(45)}}}
""")
    daemon = Podiumd(tmp_path, conference)
    try:
        daemon.start()
        daemon.cli("start", "over")  # A, planned an hour ago for 30 min
        # Remove 40 min so that A ran out 10 min ago: lateness grows with time. (Through the protocol:
        # `podium add-time over -40m` takes "-40m" for an option.)
        ack = daemon.request({"type": "command", "id": "cut", "room": "over", "command": "addTime",
                              "args": {"seconds": -2400}})
        assert ack["type"] == "ack", ack
        daemon.cli("start", "paused")
        daemon.cli("pause", "paused")
        module = load_plugin_module()
        first = {entry["topic"]: entry["value"] for entry in daemon.snapshot()["entries"]}
        first_as_of = module.instant(first["room/over"]["asOf"])
        wait_until(lambda: module.instant(daemon.request({"type": "clock"})["now"]) > first_as_of + 1.5, 10,
                   "the daemon's clock to move on 1.5 s")
        second = {entry["topic"]: entry["value"] for entry in daemon.snapshot()["entries"]}
    finally:
        daemon.close()

    for room in ("over", "paused", "idle"):
        old, new = first[f"room/{room}"], second[f"room/{room}"]
        recomputed = module.timing(old, module.instant(new["asOf"]))
        assert recomputed["offset"] == pytest.approx(new["offset"], abs=0.005), room
        if "current" in new:
            assert recomputed["left"] == pytest.approx(new["current"]["timeLeft"], abs=0.005), room
            assert recomputed["phase"] == new["current"]["phase"], room
        assert len(recomputed["expected"]) == len(new["upcoming"]), room
        for (begins, delay, session), upcoming in zip(recomputed["expected"], new["upcoming"]):
            assert session["id"] == upcoming["session"]["id"]
            assert begins == pytest.approx(module.instant(upcoming["expectedStart"]), abs=0.005), room
            assert delay == pytest.approx(upcoming["delay"], abs=0.005), room
    elapsed = module.instant(second["room/over"]["asOf"]) - first_as_of
    # Running over: lateness and B's expected start grow with time; C's gap absorbs it.
    assert second["room/over"]["offset"] - first["room/over"]["offset"] == pytest.approx(elapsed, abs=0.005)
    assert [u["session"]["id"] for u in second["room/over"]["upcoming"]] == ["b", "c"]
    assert second["room/over"]["upcoming"][1]["delay"] == 0
    # Paused: the countdown is frozen and the room gets later; idle: the overdue session is "expected now".
    assert second["room/paused"]["current"]["timeLeft"] == first["room/paused"]["current"]["timeLeft"]
    assert second["room/paused"]["offset"] - first["room/paused"]["offset"] == pytest.approx(elapsed, abs=0.005)
    assert second["room/idle"]["offset"] - first["room/idle"]["offset"] == pytest.approx(elapsed, abs=0.005)
