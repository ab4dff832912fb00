"""A full disk and a read-only data directory: commands are refused with `storage_unavailable`,
nothing acknowledged is lost, nothing half-applied shows, and the daemon recovers by itself
when space (or write access) returns. Uses a real 2 MiB tmpfs (needs root, as CI has)."""
import subprocess
import uuid

import pytest

from conftest import Podiumd, hermetic_environment


@pytest.fixture
def tiny_disk(tmp_path):
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); see docs/OPERATIONS.md for the manual check")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def command(daemon, name="addTime", args=None, command_id=None):
    return daemon.request({"type": "command", "id": command_id or str(uuid.uuid4()), "room": "plenary",
                           "command": name, "args": {"seconds": 60} if args is None else args})


def test_a_full_disk_refuses_commands_loses_nothing_and_recovers(tmp_path, conference_file, tiny_disk):
    daemon = Podiumd(tmp_path, conference_file)
    daemon.data_dir = tiny_disk / "data"
    daemon.start()
    try:
        assert command(daemon, "start", {})["type"] == "ack"
        acknowledged = []
        filler = tiny_disk / "filler"
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k", "count=64"], capture_output=True)
        refused = None
        big = "x" * 270  # long messages fill what is left quickly
        for index in range(400):
            reply = command(daemon, "showMessage", {"text": f"{index} {big}"})
            if reply["type"] == "ack":
                acknowledged.append(reply["seq"])
            else:
                refused = reply
                break
        assert refused is not None, "the disk never filled"
        assert refused["code"] == "storage_unavailable", refused
        assert "nothing was applied" in refused["message"]
        before = daemon.snapshot("room/plenary")
        retry_id = str(uuid.uuid4())
        assert command(daemon, command_id=retry_id)["code"] == "storage_unavailable"
        assert daemon.snapshot("room/plenary")["seq"] == before["seq"], "a refused command changed nothing"
        assert daemon.request({"type": "hello", "id": "h"})["type"] == "welcome", "still answering"

        filler.unlink()
        retried = command(daemon, command_id=retry_id)
        assert retried["type"] == "ack" and retried["seq"] == before["seq"] + 1, retried
        assert not retried.get("duplicate"), "the refused attempt was not remembered as applied"

        daemon.kill()
        daemon.start()
        events = daemon.request({"type": "events", "id": "e", "after": 0, "limit": 1000})["events"]
        sequence = [event["seq"] for event in events]
        assert sequence == list(range(1, len(sequence) + 1)), "no gap, no duplicate"
        assert set(acknowledged) <= set(sequence), "every acknowledged event survived the restart"
        assert sequence[-1] == retried["seq"]
    finally:
        daemon.kill()


def test_a_read_only_data_directory_stops_the_daemon_with_a_clear_error_until_it_is_writable(
        tmp_path, conference_file, tiny_disk):
    """A file system cannot turn read-only under open files (Linux refuses the remount), so this
    is checked where it happens: at a (re)start, which systemd retries until the disk is fixed."""
    daemon = Podiumd(tmp_path, conference_file)
    daemon.data_dir = tiny_disk / "data"
    daemon.start()
    accepted = command(daemon, "start", {})
    assert accepted["type"] == "ack"
    daemon.kill()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    try:
        result = subprocess.run([str(daemon.binary), "--data-dir", str(daemon.data_dir), "--conference",
                                 str(conference_file), "--command-endpoint", "tcp://127.0.0.1:*",
                                 "--update-endpoint", "tcp://127.0.0.1:*", "--metrics-address", ""],
                                capture_output=True, text=True, timeout=30, env=hermetic_environment())
        assert result.returncode != 0
        assert "Read-only file system" in result.stderr or "readonly" in result.stderr.lower(), result.stderr
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], check=True)
    daemon.start()
    try:
        assert daemon.snapshot("room/plenary")["seq"] >= accepted["seq"], "nothing acknowledged was lost"
        assert command(daemon)["type"] == "ack"
    finally:
        daemon.kill()
