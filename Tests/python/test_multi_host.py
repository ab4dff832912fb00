"""Three hosts in network namespaces (iproute2; every address inside namespaces this test makes):
the control room runs podiumd; the venue runs `podium relay`, podium-display and nginx, over
CURVE; the screens host runs Chromium against nginx. The venue's link to the control room is cut
for 30 s and restored: the door keeps counting with its reconnecting mark, converges within 3 s
of the restore, and no acknowledged command is lost."""
import json
import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import BIN_DIR, REPO, hermetic_environment, real_clock, write_conference
from nginx_front import NginxFront

CUT_SECONDS = 30
SUFFIX = str(os.getpid())
HOSTS = {name: f"podium-{name}-{SUFFIX}" for name in ("control", "venue", "screens")}
CONTROL, VENUE_UP, VENUE_DOWN, SCREENS = "10.77.0.1", "10.77.0.2", "10.77.1.1", "10.77.1.2"


def ip(*arguments, check=True):
    return subprocess.run(["ip", *arguments], capture_output=True, text=True, timeout=30, check=check)


@pytest.fixture
def hosts():
    """control —(uplink)— venue —— screens, each a network namespace with loopback up."""
    probe = ip("netns", "add", f"podium-probe-{SUFFIX}", check=False)
    if probe.returncode != 0:
        pytest.skip(f"network namespaces cannot be created here ({probe.stderr.strip()}): run as root with iproute2")
    ip("netns", "del", f"podium-probe-{SUFFIX}")
    try:
        for name in HOSTS.values():
            ip("netns", "add", name)
            ip("-n", name, "link", "set", "lo", "up")
        ip("link", "add", f"up{SUFFIX}", "netns", HOSTS["control"], "type", "veth", "peer", "name", "uplink",
           "netns", HOSTS["venue"])
        ip("link", "add", f"sc{SUFFIX}", "netns", HOSTS["screens"], "type", "veth", "peer", "name", "screens",
           "netns", HOSTS["venue"])
        for host, device, address in [("control", f"up{SUFFIX}", CONTROL), ("venue", "uplink", VENUE_UP),
                                      ("venue", "screens", VENUE_DOWN), ("screens", f"sc{SUFFIX}", SCREENS)]:
            ip("-n", HOSTS[host], "addr", "add", f"{address}/24", "dev", device)
            ip("-n", HOSTS[host], "link", "set", device, "up")
        yield HOSTS
    finally:
        for name in HOSTS.values():
            pids = ip("netns", "pids", name, check=False).stdout.split()
            for pid in pids:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            ip("netns", "del", name, check=False)


class Host:
    """Programs started inside one namespace."""

    def __init__(self, namespace, workdir, environment):
        self.namespace, self.workdir, self.environment = namespace, Path(workdir), environment
        self.processes = []

    def run(self, *arguments, timeout=30):
        result = subprocess.run(["ip", "netns", "exec", self.namespace, *arguments], capture_output=True, text=True,
                                timeout=timeout, env={**hermetic_environment(), **self.environment}, cwd=self.workdir)
        assert result.returncode == 0, f"{arguments}: {result.stdout}{result.stderr}"
        return result.stdout

    def start(self, name, *arguments, ready="ready", environment=None):
        """Starts a program, waits for its ready line and returns it."""
        log = open(self.workdir / f"{name}.log", "wb")
        process = subprocess.Popen(["ip", "netns", "exec", self.namespace, *arguments], stdout=subprocess.PIPE,
                                   stderr=log, cwd=self.workdir,
                                   env={**hermetic_environment(), **self.environment, **(environment or {})})
        self.processes.append(process)
        line = process.stdout.readline().decode()
        assert ready in line, f"{name} did not start: {line!r} {(self.workdir / f'{name}.log').read_text()[-2000:]}"
        return line


def test_a_venue_cut_off_for_30_s_keeps_counting_and_converges_within_3_s(hosts, tmp_path):
    keys = tmp_path / "keys"
    for name, role in [("podiumd", "daemon"), ("display", "operator"), ("relay", "display"), ("crew", "operator")]:
        subprocess.run([str(BIN_DIR / "podium"), "keys", "new", name, "--role", role, "--dir", str(keys)],
                       check=True, capture_output=True, env=hermetic_environment(), timeout=30)
    conference = write_conference(tmp_path / "conference.yaml")
    secure = {"PODIUM_KEYS_DIR": str(keys), "PODIUM_PLAINTEXT": ""}  # CURVE on every link
    control = Host(hosts["control"], tmp_path, {**secure, "PODIUM_KEY": "crew"})
    venue = Host(hosts["venue"], tmp_path, secure)
    commands, updates = f"tcp://{CONTROL}:5570", f"tcp://{CONTROL}:5571"

    control.start("podiumd", str(BIN_DIR / "podiumd"), "--conference", str(conference), "--data-dir",
                  str(tmp_path / "data"), "--command-endpoint", commands, "--update-endpoint", updates,
                  "--metrics-address", "", ready="podiumd ready")
    venue.start("relay", str(BIN_DIR / "podium"), "relay", "--upstream", updates, "--bind", "tcp://127.0.0.1:5581",
                environment={"PODIUM_KEY": "relay"})
    nginx = NginxFront(tmp_path, listen=VENUE_DOWN, launcher=["ip", "netns", "exec", hosts["venue"]])
    line = venue.start("display", str(BIN_DIR / "podium-display"), "--address", "127.0.0.1:8471", "--endpoint", commands,
                       "--updates", "tcp://127.0.0.1:5581", "--public-directory",
                       str(REPO / "plugins" / "room-display" / "Public"), "--shared-static-directory",
                       str(REPO / "Sources" / "PodiumWeb" / "Static"),
                       environment={"PODIUM_KEY": "display", "PODIUM_RELAY_KEY": "relay", **nginx.environment()})
    assert "127.0.0.1:8471" in line
    nginx.start({"display": 8471})

    def cli(*arguments):
        """The crew's CLI in the control room (over CURVE): the sequence numbers it was acknowledged with."""
        printed = control.run(str(BIN_DIR / "podium"), "send", "--endpoint", commands, *arguments)
        numbers = [int(number) for number in re.findall(r"#(\d+)", printed)]
        assert printed.startswith("ok:") and numbers, printed
        return numbers

    acked = cli("plenary", "start")
    screen = subprocess.Popen(
        ["ip", "netns", "exec", hosts["screens"], "python3", str(REPO / "Tests" / "python" / "screen_probe.py"),
         nginx.origin("display") + "/rooms/plenary/door?lang=fr", *nginx.chromium_arguments()],
        stdout=subprocess.PIPE, stderr=open(tmp_path / "screen.log", "wb"), text=True,
        env=real_clock())
    seen, lock = [], threading.Lock()

    def read():
        # Stamped on arrival with this test's clock: the browser keeps the real one (under faketime too).
        for raw in screen.stdout:
            with lock:
                seen.append({**json.loads(raw), "t": time.time()})
    threading.Thread(target=read, daemon=True).start()

    def wait_for(what, condition, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with lock:
                last = seen[-1] if seen else {}
            if condition(last):
                return last
            time.sleep(0.05)
        logs = [(tmp_path / "screen.log").read_text()[-1500:], (tmp_path / "nginx" / "error.log").read_text()[-1500:]]
        raise AssertionError(f"timed out waiting for {what}; last seen {last}; logs: {logs}")

    try:
        wait_for("the door, live over the venue", lambda s: s.get("timeLeft") and not s["reconnecting"], 40)
        acked += cli("plenary", "setRoomFull", "full=true")
        wait_for("the first change", lambda s: s.get("full") and not s["reconnecting"], 10)

        ip("-n", hosts["venue"], "link", "set", "uplink", "down")
        cut = time.time()
        time.sleep(8)
        # The control room works on: these are acknowledged while the venue cannot hear them.
        acked += cli("plenary", "setRoomFull", "full=false")
        acked += cli("plenary", "addTime", "seconds=120")
        time.sleep(CUT_SECONDS - (time.time() - cut))
        with lock:
            during = [s for s in seen if cut + 6 <= s["t"] <= time.time() and "timeLeft" in s]
        ip("-n", hosts["venue"], "link", "set", "uplink", "up")
        restored = time.time()
        converged = wait_for("the door to converge after the restore",
                             lambda s: s.get("full") is False and not s["reconnecting"], 15)
        back = converged["t"] - restored
    finally:
        screen.kill()
        nginx.stop()
    assert during and all(s["reconnecting"] for s in during), "the door marks that it is reconnecting"
    assert len({s["timeLeft"] for s in during}) >= 15, "the door keeps counting while cut off"
    assert back <= 3, f"converged {back:.2f} s after the restore"
    printed = control.run(str(BIN_DIR / "podium"), "events", "--endpoint", commands, "--json")
    logged = {json.loads(line)["seq"] for line in printed.splitlines() if line.strip()}
    assert set(acked) <= logged, f"acknowledged but not in the log: {set(acked) - logged}"
    print(f"door converged {back:.2f} s after a {CUT_SECONDS} s cut; acknowledged {acked}")
