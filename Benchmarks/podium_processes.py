"""Starting real Podium processes for benchmarks: a daemon on free ports and a temp data dir."""
import datetime
import json
import os
import re
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import zmq

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(os.environ.get("PODIUM_BIN_DIR", ROOT / ".build" / "release"))


def conference_yaml(rooms=3, now=None):
    """A conference whose sessions are on now, `rooms` rooms of one long session each."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    local = lambda minutes: (now + datetime.timedelta(hours=1, minutes=minutes)).strftime("%Y-%m-%d %H:%M")
    lines = [
        "conference:", "  id: bench", "  name: Benchmark", "  timeZone: Africa/Casablanca",
        "  languages:", "    - {code: ar, name: العربية}", "    - {code: fr, name: Français}", "rooms:",
    ]
    lines += [f"  - {{id: room-{i}, name: Salle {i}}}" for i in range(rooms)]
    lines.append("sessions:")
    for i in range(rooms):
        lines += [f"  - id: s-{i}", f"    room: room-{i}", f"    title: Session {i}",
                  f"    start: {local(-1)}", f"    end: {local(600)}"]
    return "\n".join(lines) + "\n"


class Daemon:
    """podiumd as a child process; `stop()` kills it."""

    def __init__(self, rooms=3):
        self.directory = tempfile.mkdtemp(prefix="podium-bench-")
        conference = Path(self.directory) / "conference.yaml"
        conference.write_text(conference_yaml(rooms))
        self.process = subprocess.Popen(
            [str(BIN / "podiumd"), "--conference", str(conference), "--data-dir", f"{self.directory}/data",
             "--command-endpoint", "tcp://127.0.0.1:*", "--update-endpoint", "tcp://127.0.0.1:*",
             "--metrics-address", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "PODIUM_PLAINTEXT": "loopback"})
        line = self.process.stdout.readline()
        self.commands = re.search(r"commands=(\S+)", line).group(1)
        self.updates = re.search(r"updates=(\S+)", line).group(1)

    def stop(self):
        self.process.kill()
        self.process.wait()

    def commander(self, room):
        """A function sending one command to `room` and returning the daemon's reply."""
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.connect(self.commands)

        def command(name, args=None):
            socket.send(json.dumps({"type": "command", "id": str(uuid.uuid4()), "room": room, "command": name,
                                    "args": args or {}}).encode())
            return json.loads(socket.recv())
        return command


def headless_chromium(*arguments):
    """Debian's Chromium, headless, driven by Selenium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080", *arguments):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def peak_rss(pid):
    """The most resident memory a process has had (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def process_usage(pid):
    """(CPU seconds, resident MiB) of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    rss = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return cpu, rss


def tick_spacing(label, arrivals):
    """Prints how evenly `arrivals` (perf_counter seconds of a once-a-second stream) came:
    the mean gap and |gap - 1 s| at p50, p95 and max."""
    gaps = [(later - earlier) * 1000 for earlier, later in zip(arrivals, arrivals[1:])]
    jitter = [abs(gap - 1000) for gap in gaps]
    print(f"{label} ({len(gaps)} gaps): mean {sum(gaps) / len(gaps):.1f} ms, "
          f"|gap - 1 s| p50 {percentile(jitter, 50):.2f} ms, p95 {percentile(jitter, 95):.2f} ms, "
          f"max {max(jitter):.2f} ms")


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    raise TimeoutError("condition not met")


class Display:
    """podium-display as a child process, following `daemon`."""

    def __init__(self, daemon, environment=None):
        self.process = subprocess.Popen(
            [str(BIN / "podium-display"), "--address", "127.0.0.1:0", "--endpoint", daemon.commands,
             "--updates", daemon.updates],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, **(environment or {})})
        self.url = re.search(r"ready (\S+)", self.process.stdout.readline()).group(1)

    def stop(self):
        self.process.kill()
        self.process.wait()


class Questions:
    """podium-qa as a child process, following `daemon`, with a known moderator token."""

    TOKEN = "bench-moderator-token-0123456789"

    def __init__(self, daemon, *flags, environment=None):
        self.process = subprocess.Popen(
            [str(BIN / "podium-qa"), "--address", "127.0.0.1:0", "--endpoint", daemon.commands,
             "--updates", daemon.updates, "--moderator-token", self.TOKEN, *flags],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, **(environment or {})})
        self.url = re.search(r"ready (\S+)", self.process.stdout.readline()).group(1)

    def stop(self):
        self.process.kill()
        self.process.wait()


class Control:
    """podium-control as a child process, following `daemon` (no logins: loopback)."""

    def __init__(self, daemon, *flags, environment=None):
        self.process = subprocess.Popen(
            [str(BIN / "podium-control"), "--address", "127.0.0.1:0", "--endpoint", daemon.commands,
             "--updates", daemon.updates, *flags],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, **(environment or {})})
        self.url = re.search(r"ready (\S+)", self.process.stdout.readline()).group(1)

    def stop(self):
        self.process.kill()
        self.process.wait()
