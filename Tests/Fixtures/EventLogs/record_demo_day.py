#!/usr/bin/env python3
"""Records a golden event log: one demo day of the Rabat conference, run by a real podiumd.

    python3 Tests/Fixtures/EventLogs/record_demo_day.py OUT_DIR [--bin .build/debug]

The daemon runs under libfaketime with a frozen clock that this script moves before each
command, so every event's instant is the one written below, whatever the hour of the run.
What the day holds: stage timing (start, pause, resume, add time, thresholds, messages,
next speaker, end), booth turns and handovers, cough, slow down, booth messages, the
floor language, audience questions (submitted, held, voted, edited, approved, merged,
starred, tagged, next, on screen, answered, restored, dismissed, a banned device, intake),
a programme change (SIGHUP with an edited conference file) and a restart after kill -9.

OUT_DIR receives `podium.sqlite` (the log, checkpointed), `events.json` (the daemon's own
`events` replies, the wire shape of the log) and `conference.yaml` (the programme used).
Run it with the release whose log shape you want to keep as a fixture; see README.md.
"""
import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zmq

REPO = Path(__file__).resolve().parents[3]
CONFERENCE = REPO / "config/conferences/rabat-2026.yaml"
LIBFAKETIME = next(Path("/usr/lib").glob("*/faketime/libfaketime.so.1"), None)


class Daemon:
    def __init__(self, binaries, conference, data, clock):
        self.binaries, self.conference, self.data, self.clock = binaries, conference, data, clock
        self.process = None
        self.context = zmq.Context()
        self.socket = None
        self.count = 0
        self.log = open(data.parent / "podiumd.log", "a")

    def start(self):
        environment = dict(
            os.environ, TZ="UTC", FAKETIME_TIMESTAMP_FILE=str(self.clock), FAKETIME_NO_CACHE="1",
            FAKETIME_DONT_FAKE_MONOTONIC="1", PODIUM_PLAINTEXT="loopback", LD_PRELOAD=str(LIBFAKETIME))
        # libfaketime itself, not the faketime wrapper (which forks): kill -9 must reach the daemon.
        # `env` loads it first: a Swift program that is the first to load it sees no arguments.
        self.process = subprocess.Popen(
            ["env", str(self.binaries / "podiumd"), "--conference", str(self.conference),
             "--data-dir", str(self.data), "--command-endpoint", "tcp://127.0.0.1:*",
             "--update-endpoint", "tcp://127.0.0.1:*", "--metrics-address", ""],
            stdout=subprocess.PIPE, stderr=self.log, env=environment, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("podiumd ready"):
            raise SystemExit(f"podiumd did not start: {line!r}; see {self.log.name}")
        endpoints = dict(part.split("=", 1) for part in line.split()[2:])
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.connect(endpoints["commands"])

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.socket.close()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)
        self.socket.close()

    def request(self, body):
        self.socket.send_json(body)
        if not self.socket.poll(10_000):
            raise SystemExit(f"no reply to {body}")
        return self.socket.recv_json()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--bin", type=Path, default=REPO / ".build/debug")
    arguments = parser.parse_args()
    if LIBFAKETIME is None:
        raise SystemExit("needs faketime (Debian package faketime)")
    work = Path(tempfile.mkdtemp(prefix="podium-golden-"))
    clock = work / "clock"
    conference = work / "conference.yaml"
    shutil.copy(CONFERENCE, conference)
    daemon = Daemon(arguments.bin.resolve(), conference, work / "data", clock)

    def at(instant):
        clock.write_text(f"2026-06-25 {instant}\n")

    def send(instant, room, command, **args):
        at(instant)
        daemon.count += 1
        reply = daemon.request(
            {"type": "command", "id": f"golden-{daemon.count:03d}", "room": room, "command": command, "args": args})
        if reply.get("type") != "ack":
            raise SystemExit(f"{command} at {instant} refused: {reply}")
        return reply

    # Times are UTC; Casablanca is UTC+1 on 25 June 2026.
    at("07:25:00")
    daemon.start()
    send("07:26:00", "plenary", "setThresholds", warning=600, danger=120)
    send("07:31:12", "plenary", "start")                                       # d1-welcome, 1 min late
    send("07:31:40", "plenary", "assignTeam", booth="ar", interpreters=["samir-haddad", "amina-benali", "rajae-mekki"])
    send("07:32:05", "plenary", "takeMic", booth="ar", interpreter="samir-haddad")
    send("07:32:06", "plenary", "takeMic", booth="fr", interpreter="veronique-lemaire")
    send("07:32:07", "plenary", "takeMic", booth="en", interpreter="helen-ashby")
    send("07:58:30", "plenary", "end")
    send("08:03:20", "plenary", "start", session="d1-opening")
    send("08:03:25", "plenary", "takeMic", booth="ar", interpreter="amina-benali")
    send("08:03:26", "plenary", "takeMic", booth="fr", interpreter="pierre-antoine-girard")
    send("08:03:27", "plenary", "takeMic", booth="en", interpreter="mark-sutton")
    send("08:05:00", "plenary", "submitQuestion", question="q-fr-1", text="Quelle place pour les aidantes familiales ?",
         device="device-1", language="fr")
    send("08:06:10", "plenary", "submitQuestion", question="q-ar-1", text="ما هي آليات تمويل الحماية الاجتماعية؟",
         device="device-2", name="سلمى")
    send("08:07:00", "plenary", "submitQuestion", question="q-fr-2", text="Est-ce une arnaque fiscale ?",
         device="device-3")
    send("08:07:30", "plenary", "submitQuestion", question="q-en-1", text="What role for family carers?",
         device="device-4", language="en", name="Jo")
    send("08:08:00", "plenary", "submitQuestion", question="q-spam", text="Buy followers now", device="device-5")
    send("08:09:00", "plenary", "approveQuestion", question="q-fr-1", by="Salma")
    send("08:09:20", "plenary", "approveQuestion", question="q-ar-1", by="Salma",
         text="ما هي آليات تمويل الحماية الاجتماعية في 2030؟")
    send("08:09:40", "plenary", "approveQuestion", question="q-en-1", by="Youssef")
    send("08:10:00", "plenary", "voteQuestion", question="q-fr-1", device="device-2")
    send("08:10:05", "plenary", "voteQuestion", question="q-fr-1", device="device-6")
    send("08:10:10", "plenary", "voteQuestion", question="q-en-1", device="device-6")
    send("08:10:15", "plenary", "voteQuestion", question="q-en-1", device="device-7")
    send("08:11:00", "plenary", "mergeQuestion", question="q-en-1", into="q-fr-1", by="Salma")
    send("08:11:30", "plenary", "starQuestion", question="q-ar-1", by="Salma")
    send("08:11:40", "plenary", "tagQuestion", question="q-ar-1", tags=["financement", "الحماية"], by="Salma")
    send("08:12:00", "plenary", "banDevice", device="device-5", by="Youssef")
    send("08:12:30", "plenary", "dismissQuestion", question="q-fr-2", by="Youssef")
    send("08:14:00", "plenary", "nextSpeaker")
    send("08:15:00", "plenary", "showMessage", text="5 minutes", blink=True)
    send("08:16:00", "plenary", "clearMessage")
    send("08:16:30", "plenary", "slowDown", booth="fr")
    send("08:17:00", "plenary", "messageChief", booth="ar", text="الصوت منخفض في القاعة")
    send("08:17:30", "plenary", "messageBooth", booth="ar", text="شكرا، تم الإبلاغ")
    send("08:18:00", "plenary", "clearSlowDown")
    send("08:20:00", "plenary", "addTime", seconds=120)
    send("08:25:00", "plenary", "pause")
    send("08:27:30", "plenary", "resume")
    send("08:30:00", "plenary", "requestHandover", booth="en", to="helen-ashby")
    send("08:30:40", "plenary", "acceptHandover", booth="en")
    send("08:31:00", "plenary", "cough", booth="en")
    send("08:31:04", "plenary", "cough", booth="en", muted=False)
    send("08:33:00", "plenary", "setFloorLanguage", language="ar")
    send("08:36:00", "plenary", "setFloorLanguage", language=None)
    send("08:38:00", "plenary", "setTurnLength", booth="en", seconds=1200)
    send("08:40:00", "plenary", "setNextQuestion", question="q-ar-1", by="Salma")
    send("08:41:00", "plenary", "showQuestion", question="q-fr-1", by="Salma")
    send("08:44:00", "plenary", "answerQuestion", question="q-fr-1", by="Salma")
    send("08:44:30", "plenary", "restoreQuestion", question="q-fr-1", by="Salma")
    send("08:45:00", "plenary", "showQuestion", question="q-ar-1", by="Salma")
    send("08:47:00", "plenary", "hideQuestion", by="Salma")
    send("08:47:30", "plenary", "editQuestion", question="q-fr-1", text="Quelle place pour les aidantes ?", by="Youssef")
    send("08:48:00", "plenary", "setIntake", intake="paused", by="Youssef")
    send("08:49:00", "plenary", "setIntake", intake="open", by="Youssef")
    send("08:52:00", "plenary", "micOff", booth="fr")
    send("08:55:10", "plenary", "end")

    # A programme change: the keynote moves ten minutes later and gets a new title.
    text = conference.read_text(encoding="utf-8")
    text = text.replace("start: 2026-06-25 09:50", "start: 2026-06-25 10:00", 1)
    conference.write_text(text, encoding="utf-8")
    at("08:56:00")
    daemon.process.send_signal(signal.SIGHUP)
    time.sleep(2)

    send("09:01:00", "plenary", "start", session="d1-keynote")
    send("09:01:10", "plenary", "takeMic", booth="ar", interpreter="rajae-mekki")
    send("09:01:20", "chellah", "setThresholds", warning=300, danger=60)

    # kill -9 in the middle of the keynote; the log continues where it was.
    at("09:20:00")
    daemon.kill()
    at("09:22:00")
    daemon.start()
    send("09:23:00", "plenary", "addTime", seconds=-60)
    send("09:40:00", "plenary", "end")
    send("12:58:00", "chellah", "start", session="d1-ws1-care-jobs")
    send("12:58:30", "chellah", "takeMic", booth="fr", interpreter="agnes-morel")
    send("12:58:40", "chellah", "takeMic", booth="en", interpreter="rachel-dunmore")
    send("13:29:00", "chellah", "requestHandover", booth="fr", to="cedric-vasseur")
    send("13:29:30", "chellah", "acceptHandover", booth="fr")
    send("14:31:00", "chellah", "end")

    events, after = [], 0
    while True:
        reply = daemon.request({"type": "events", "id": f"e{after}", "after": after, "limit": 1000})
        events += reply["events"]
        if not reply["events"] or events[-1]["seq"] >= reply["last"]:
            break
        after = events[-1]["seq"]
    daemon.stop()

    arguments.out.mkdir(parents=True, exist_ok=True)
    database = arguments.out / "podium.sqlite"
    if database.exists():
        database.unlink()
    with sqlite3.connect(work / "data/podium.sqlite") as source:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.execute("VACUUM INTO ?", (str(database),))
    (arguments.out / "events.json").write_text(
        json.dumps(events, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    shutil.copy(conference, arguments.out / "conference.yaml")
    shutil.rmtree(work)
    print(f"{len(events)} events, {daemon.count} commands -> {arguments.out}")


if __name__ == "__main__":
    sys.exit(main())
