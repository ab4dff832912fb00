"""systemd integration: the unit files verify, their hardening scores, and podiumd speaks the
notify protocol (READY, STATUS, WATCHDOG pings from its main loop) to a real datagram socket,
as systemd would see it. systemd itself cannot boot units in this container (it is not PID 1),
so `systemd-analyze verify` and `security --offline` check the units as installed."""
import os
import re
import shutil
import socket
import subprocess
import time

import pytest

from conftest import BIN_DIR, REPO, Podiumd, wait_until

UNITS = REPO / "systemd"
ANALYZE = shutil.which("systemd-analyze")


@pytest.fixture
def installed_units(tmp_path):
    """The unit files with ExecStart pointing at the built binaries (verify checks they exist)."""
    for unit in UNITS.glob("*.service"):
        text = unit.read_text().replace("/opt/podium/bin", str(BIN_DIR.resolve()))
        (tmp_path / unit.name).write_text(text)
    # A template is verified through an instance of each plugin.
    template = (tmp_path / "podium-plugin@.service").read_text()
    for plugin in ["display", "booth", "qa"]:
        (tmp_path / f"podium-plugin@{plugin}.service").write_text(template)
        assert (BIN_DIR / f"podium-{plugin}").exists(), f"podium-{plugin} must be built"
    return tmp_path


def analyze(*args, cwd):
    assert ANALYZE, "systemd-analyze is missing (scripts/install-deps --test installs systemd)"
    return subprocess.run([ANALYZE, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_every_unit_verifies_without_a_warning(installed_units):
    units = ["podiumd.service"] + [f"podium-plugin@{p}.service" for p in ["display", "booth", "qa"]]
    result = analyze("verify", *units, cwd=installed_units)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_a_broken_unit_does_fail_verification(installed_units):
    broken = installed_units / "podiumd.service"
    broken.write_text(broken.read_text().replace("Type=notify", "Type=notify\nBogusKey=1").replace(
        str(BIN_DIR.resolve()) + "/podiumd", "/nonexistent/podiumd"))
    result = analyze("verify", "podiumd.service", cwd=installed_units)
    assert result.returncode != 0
    assert "BogusKey" in result.stderr


@pytest.mark.parametrize("unit", ["podiumd.service", "podium-plugin@qa.service"])
def test_units_are_hardened(installed_units, unit):
    result = analyze("security", "--offline=yes", str(installed_units / unit), cwd=installed_units)
    match = re.search(r"Overall exposure level for \S+: ([\d.]+)", result.stdout + result.stderr)
    assert match, result.stdout + result.stderr
    assert float(match.group(1)) <= 2.0, result.stdout


def test_podiumd_notifies_ready_status_and_pings_the_watchdog(tmp_path, conference_file):
    path = str(tmp_path / "notify.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(path)
    listener.settimeout(0.2)
    messages = []
    daemon = Podiumd(tmp_path, conference_file)
    daemon.extra_environment = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "1000000"}
    try:
        daemon.start()

        def received(predicate):
            try:
                messages.append(listener.recv(4096).decode())
            except socket.timeout:
                pass
            return any(predicate(m) for m in messages)

        wait_until(lambda: received(lambda m: "READY=1" in m), 10, "READY=1")
        ready = next(m for m in messages if "READY=1" in m)
        assert re.search(r"STATUS=2 rooms, 0 sessions on, seq \d+", ready), ready
        assert f"MAINPID={daemon.process.pid}" in ready
        count = lambda: sum(m.count("WATCHDOG=1") for m in messages)
        wait_until(lambda: received(lambda m: False) or count() >= 3, 10, "three watchdog pings")
        daemon.cli("start", "plenary")
        wait_until(lambda: received(lambda m: "1 sessions on" in m), 10, "STATUS after a session started")
        # A frozen loop stops pinging: that is what lets systemd restart it.
        os.kill(daemon.process.pid, 19)  # SIGSTOP
        time.sleep(0.3)
        before = count()
        time.sleep(1.5)
        while received(lambda m: False):
            pass
        assert count() == before, "no ping while the loop is frozen"
        os.kill(daemon.process.pid, 18)  # SIGCONT
    finally:
        daemon.kill()
        listener.close()
