#!/usr/bin/env python3
"""A Podium plugin in Python, written from docs/PROTOCOL.md alone (§ numbers refer to it).

Follows every room and prints it on each change and once a second (--once: one table), or
sends one command (--command NAME --room ROOM [--args JSON]). See README.md.
"""
import argparse
import json
import os
import sys
import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import zmq

REQUEST_TIMEOUT, ATTEMPTS = 1.5, 4  # seconds per reply; tries of a command (§13)
SILENCE = 3.0  # seconds without any message on SUB: the daemon is gone (§12)
BACKOFF_FIRST, BACKOFF_LAST = 0.5, 8.0  # resync backoff, doubling (§12)


def instant(text):
    """Epoch seconds of a protocol instant such as 2026-06-25T09:00:00.000Z (§4)."""
    return datetime.fromisoformat(text).timestamp()


def clock_text(seconds):
    """12:34, 1:02:03, or -00:42 when running over."""
    sign, whole = "-" if seconds < 0 else "", int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{sign}{hours}:{rest // 60:02}:{rest % 60:02}" if hours else f"{sign}{rest // 60:02}:{rest % 60:02}"


def timing(status, now):
    """A room status's time-dependent fields recomputed at daemon instant `now` (§10)."""
    current, cursor, result = status.get("current"), now, {"expected": []}
    if current:
        ends_at = instant(current["endsAt"])
        if current["paused"]:  # the countdown is frozen; the end moves with the pause
            left, ends_at = current["timeLeft"], ends_at + now - instant(status["asOf"])
        else:
            left = ends_at - now
        limits = status["thresholds"]
        result["left"] = left
        result["phase"] = ("overtime" if left <= 0 else "danger" if left <= limits["danger"]
                           else "warning" if left <= limits["warning"] else "normal")
        cursor = max(now, ends_at)  # a session running over ends now at the earliest
        result["offset"] = cursor - instant(current["session"]["plannedEnd"])
    for item in status.get("upcoming", []):
        start = instant(item["session"]["plannedStart"])
        begins = max(start, cursor)  # a gap in the schedule absorbs lateness
        result["expected"].append((begins, begins - start, item["session"]))
        cursor = begins + instant(item["session"]["plannedEnd"]) - start
    if not current:
        result["offset"] = result["expected"][0][1] if result["expected"] else 0.0
    return result


def room_line(room_id, status, now, zone):
    """room plenary | now: Opening | left 12:34 | phase normal | late +3 min | next 10:00 Panel"""
    current, times = status.get("current"), timing(status, now)
    if current:
        paused = " (paused)" if current["paused"] else ""
        on = f"now: {current['session']['title']} | left {clock_text(times['left'])}{paused} | phase {times['phase']}"
    else:
        on = "now: - | left --:-- | phase -"
    following = "-"
    if times["expected"]:
        begins, _, session = times["expected"][0]
        following = f"{datetime.fromtimestamp(begins, zone):%H:%M} {session['title']}"
    return f"room {room_id} | {on} | late {round(times['offset'] / 60):+d} min | next {following}"


def drain(socket):
    """Every message waiting on a socket, without blocking."""
    while True:
        try:
            yield socket.recv_multipart(zmq.NOBLOCK)
        except zmq.Again:
            return


class Follower:
    """A copy of every topic, kept by the late-join and resync rules of §12."""

    def __init__(self, ctx, commands, updates):
        self.ctx, self.commands, self.updates = ctx, commands, updates
        self.values, self.heads, self.seq = {}, {}, 0
        self.sync, self.due_at, self.queued = "due", 0.0, []  # sync: due | waiting | live
        self.pending = {}  # request id -> (kind, sent at, deadline)
        self.connected, self.last_heard, self.backoff = False, time.time(), BACKOFF_FIRST
        self.samples, self.next_clock = [], 0.0  # clock samples: (round trip, offset)
        self.open_sockets()

    def open_sockets(self):
        self.sub = self.ctx.socket(zmq.SUB)  # subscribe first (§12) ...
        self.sub.setsockopt(zmq.LINGER, 0)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")  # everything, sys/heartbeat included
        self.sub.connect(self.updates)
        self.dealer = self.ctx.socket(zmq.DEALER)  # ... then ask for snapshots
        self.dealer.setsockopt(zmq.LINGER, 0)
        self.dealer.connect(self.commands)
        self.poller = zmq.Poller()
        self.poller.register(self.sub, zmq.POLLIN)
        self.poller.register(self.dealer, zmq.POLLIN)

    def close_sockets(self):
        self.sub.close()
        self.dealer.close()

    @property
    def offset(self):
        """Daemon clock minus local clock: the sample with the smallest round trip (§11)."""
        return min(self.samples)[1] if self.samples else 0.0

    def request(self, kind, body):
        body["id"], now = f"{kind}-{uuid.uuid4()}", time.time()
        self.pending[body["id"]] = (kind, now, now + REQUEST_TIMEOUT)
        self.dealer.send(json.dumps(body).encode())

    def resync(self, delay, why):
        print(f"# resync: {why}")
        self.sync, self.due_at = "due", time.time() + delay

    def apply(self, update):
        """The update rule of §12: 'applied', 'ignored' or 'gap'."""
        head = self.heads.get(update["stream"], 0)
        if update["seq"] <= head:
            return "ignored"
        if update["prev"] != head:
            return "gap"
        if update.get("value") is None:
            self.values.pop(update["topic"], None)
        else:
            self.values[update["topic"]] = update["value"]
        self.heads[update["stream"]], self.seq = update["seq"], max(self.seq, update["seq"])
        print(f"update #{update['seq']} {update['topic']} {update.get('event')}")
        return "applied"

    def on_reply(self, reply):
        """Handles a reply; True when the copy changed."""
        kind, sent, _ = self.pending.pop(reply.get("id"), (None, 0, 0))
        if kind == "clock" and reply.get("type") == "clock":
            round_trip = time.time() - sent
            self.samples = (self.samples + [(round_trip, instant(reply["now"]) - sent - round_trip / 2)])[-8:]
        elif kind == "snapshot" and reply.get("type") == "snapshot" and self.sync == "waiting":
            self.values = {entry["topic"]: entry["value"] for entry in reply["entries"]}
            self.heads, self.seq = dict(reply["heads"]), reply["seq"]
            queued, self.queued = self.queued, []
            if any(self.apply(update) == "gap" for update in queued):
                self.resync(self.backoff, "gap in the updates queued during the snapshot")
                return False
            print(f"snapshot seq {self.seq}: {len(self.values)} topics")
            self.sync, self.connected, self.last_heard, self.backoff = "live", True, time.time(), BACKOFF_FIRST
            return True
        return False

    def on_message(self, frames):
        """Handles a message from the SUB socket; True when the copy changed."""
        self.last_heard = time.time()
        try:
            body = json.loads(frames[1]) if len(frames) == 2 else {}
        except ValueError:
            body = {}
        if body.get("type") == "heartbeat":
            if self.sync == "live":
                heads = body.get("heads", {})
                if body.get("seq", 0) < self.seq or any(seq != self.heads.get(s, 0) for s, seq in heads.items()):
                    self.resync(0, f"heartbeat heads {heads} differ from ours {self.heads}")
            elif self.sync == "due" and not self.connected:
                self.due_at = 0.0  # the daemon is back: do not wait for the backoff
        elif body.get("type") == "update":
            if self.sync == "waiting":
                self.queued.append(body)
            elif self.sync == "live":
                outcome = self.apply(body)
                if outcome == "gap":
                    self.resync(0, f"gap in {body['stream']}: prev {body['prev']}, ours {self.heads.get(body['stream'], 0)}")
                return outcome == "applied"
        return False  # anything else: ignored, as §4 asks

    def check_timers(self, now):
        for rid, (kind, _, deadline) in list(self.pending.items()):
            if deadline <= now:
                del self.pending[rid]
                if kind == "snapshot":
                    self.connected = False
                    self.resync(self.backoff, f"no snapshot within {REQUEST_TIMEOUT} s, next try in {self.backoff} s")
                    self.backoff = min(BACKOFF_LAST, self.backoff * 2)
        if self.connected and now - self.last_heard > SILENCE:
            print(f"# silent for {SILENCE:.0f} s: daemon gone, reconnecting")
            self.connected = False
            self.close_sockets()
            self.open_sockets()
            self.pending.clear()
            self.resync(0, "reconnected")
        if self.sync == "due" and self.due_at <= now:
            self.sync, self.queued = "waiting", []
            self.request("snapshot", {"type": "snapshot", "prefix": ""})
        if now >= self.next_clock:
            self.next_clock = now + (5 if self.samples else 0.5)
            self.request("clock", {"type": "clock"})

    def step(self, timeout):
        """Waits up to timeout seconds and handles what came; True when the copy changed."""
        self.poller.poll(timeout * 1000)
        changed = False
        for frames in drain(self.dealer):
            try:
                changed |= self.on_reply(json.loads(frames[-1]))
            except ValueError:
                pass
        for frames in drain(self.sub):
            changed |= self.on_message(frames)
        self.check_timers(time.time())
        return changed

    def table(self):
        conference = self.values.get("conference") or {}
        zone = ZoneInfo(conference.get("timeZone", "UTC"))
        rooms = [room["id"] for room in conference.get("rooms", []) if f"room/{room['id']}" in self.values]
        now = time.time() + self.offset  # the daemon's clock (§11)
        return [room_line(room, self.values[f"room/{room}"], now, zone) for room in rooms]


def follow(args, ctx):
    follower = Follower(ctx, args.command_endpoint, args.update_endpoint)
    deadline, next_print = time.time() + args.timeout, 0.0
    try:
        while True:
            changed = follower.step(0.2)
            if args.once and follower.sync == "live" and follower.samples:
                print("\n".join(follower.table()))
                return 0
            if args.once and time.time() > deadline:
                print(f"podium_example: no snapshot from {args.command_endpoint}", file=sys.stderr)
                return 3
            if not args.once and (changed or (follower.connected and time.time() >= next_print)):
                next_print = time.time() + 1
                print("\n".join(follower.table()))
    except KeyboardInterrupt:
        return 0
    finally:
        follower.close_sockets()


def send_command(args, ctx):
    body = {"type": "command", "id": args.id or str(uuid.uuid4()), "room": args.room,
            "command": args.command, "args": json.loads(args.args)}
    for attempt in range(1, ATTEMPTS + 1):
        dealer = ctx.socket(zmq.DEALER)  # a fresh socket for every try, same id (§13)
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.connect(args.command_endpoint)
        dealer.send(json.dumps(body).encode())
        reply = json.loads(dealer.recv_multipart()[-1]) if dealer.poll(REQUEST_TIMEOUT * 1000) else None
        dealer.close()
        if reply is None:
            print(f"# no reply to {body['id']} (try {attempt} of {ATTEMPTS})", file=sys.stderr)
        elif reply.get("type") == "ack":
            events = ", ".join(f"{e['type']} #{e['seq']}" for e in reply["events"]) or "nothing to change"
            print(f"ack {reply['id']}: {events}" + (" (duplicate)" if reply.get("duplicate") else ""))
            return 0
        else:
            field = f" (field {reply['field']})" if reply.get("field") else ""
            print(f"error {reply.get('code')}: {reply.get('message')}{field}")
            return 2
    print(f"podium_example: no reply from {args.command_endpoint}", file=sys.stderr)
    return 3


def main():
    parser = argparse.ArgumentParser(description="A Podium plugin in Python: follow rooms, or send a command.")
    env = os.environ.get
    parser.add_argument("--command-endpoint", default=env("PODIUM_COMMAND_ENDPOINT", "tcp://127.0.0.1:5570"))
    parser.add_argument("--update-endpoint", default=env("PODIUM_UPDATE_ENDPOINT", "tcp://127.0.0.1:5571"))
    parser.add_argument("--once", action="store_true", help="print one table and exit")
    parser.add_argument("--timeout", type=float, default=10, help="with --once: seconds to wait for the daemon")
    parser.add_argument("--command", help="send this command (start, pause, addTime, ...) and exit")
    parser.add_argument("--room", help="the command's room")
    parser.add_argument("--args", default="{}", help="the command's arguments, a JSON object")
    parser.add_argument("--id", help="the command's id (default: a new UUID); reuse it to retry")
    args = parser.parse_args()
    if args.command and not args.room:
        parser.error("--command needs --room")
    sys.stdout.reconfigure(line_buffering=True)
    ctx = zmq.Context()
    try:
        return send_command(args, ctx) if args.command else follow(args, ctx)
    finally:
        ctx.destroy(linger=0)


if __name__ == "__main__":
    sys.exit(main())
