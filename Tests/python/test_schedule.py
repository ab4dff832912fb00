"""The schedule against a real podiumd: a rolling room whose start falls due while the daemon is down
(`kill -9`) starts once when it is back, not twice; an end action rolls into the next session; the
commands the daemon sends itself are in the log as `schedule:`; a count-up session and the roll
control in headless Chromium."""
import signal
import time
from datetime import datetime, timedelta, timezone

import pytest
from conftest import instant, wait_until
from pages import click_command, countdown_at, js, open_page, room_status, text, wait_js

WAIT = 10


@pytest.fixture
def conference_file(tmp_path):
    """The plenary rolls: its talk starts 4 s from now and ends 4 s later, then starts the next
    (`startNext`), which counts up. The atelier does not roll."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    at = lambda seconds: instant(now + timedelta(seconds=seconds))  # noqa: E731
    path = tmp_path / "conference.yaml"
    path.write_text(f"""\
conference:
  id: pytest-schedule
  name: Pytest conference
  timeZone: Africa/Casablanca
  languages:
    - {{code: fr, name: Français}}
rooms:
  - id: plenary
    name: Plénière
    roll: true
  - id: atelier
    name: Atelier
sessions:
  - id: talk
    room: plenary
    title: Exposé
    start: {at(4)}
    end: {at(8)}
    endAction: startNext
  - id: debate
    room: plenary
    title: Débat
    start: {at(3600)}
    duration: 30m
    timer: countUp
  - id: workshop
    room: atelier
    title: Atelier
    start: {at(2)}
    duration: 30m
""", encoding="utf-8")
    return path


def events(podiumd):
    return podiumd.request({"type": "events", "id": "e", "after": 0, "limit": 1000})["events"]


def starts(podiumd):
    return [(entry["event"]["sessionStarted"]["session"], entry.get("command", ""))
            for entry in events(podiumd) if entry["type"] == "sessionStarted"]


def test_a_start_due_while_the_daemon_was_down_happens_once_when_it_is_back(podiumd):
    assert room_status(podiumd, "plenary")["roll"] == "rolling"
    assert room_status(podiumd, "atelier")["roll"] == "off"
    podiumd.kill(signal.SIGKILL)
    time.sleep(5)  # the talk's start (4 s) falls due while the daemon is down
    podiumd.start()
    wait_until(lambda: starts(podiumd), WAIT, "the scheduled start")
    [(session, command)] = starts(podiumd)[:1]
    assert session == "talk" and command.startswith("schedule:plenary:start:talk@"), command
    # Its end action: at zero the daemon ends it and starts the debate (late, at once).
    wait_until(lambda: room_status(podiumd, "plenary").get("current", {}).get("session", {}).get("id") == "debate",
               WAIT, "the debate rolling on")
    assert [s for s, _ in starts(podiumd)] == ["talk", "debate"]
    ended = [entry for entry in events(podiumd) if entry["type"] == "sessionEnded"]
    assert [entry["command"].split("@")[0] for entry in ended] == ["schedule:plenary:end:talk"]
    assert "workshop" not in [s for s, _ in starts(podiumd)], "the atelier does not roll"

    # Killed again and back: nothing is due twice.
    podiumd.kill(signal.SIGKILL)
    podiumd.start()
    time.sleep(2)  # two heartbeats' worth of schedule checks: measuring that nothing happens
    assert [s for s, _ in starts(podiumd)] == ["talk", "debate"]


def test_holding_a_rolling_room_stops_it_until_released(podiumd):
    podiumd.cli("roll", "plenary", "held")
    time.sleep(5)  # past the talk's start: measuring that a held room does not roll
    assert starts(podiumd) == []
    assert room_status(podiumd, "plenary")["state"]["roll"] == "held"
    podiumd.cli("roll", "plenary", "rolling")
    wait_until(lambda: starts(podiumd), WAIT, "the start, released")
    assert starts(podiumd)[0][0] == "talk"
    result = podiumd.cli("roll", "plenary", "sometimes", check=False)
    assert result.returncode != 0


def test_a_count_up_session_counts_up_and_the_control_page_sets_the_roll(podiumd, display, browser):
    podiumd.cli("roll", "plenary", "off")
    podiumd.cli("start", "plenary", "--session", "debate")
    open_page(browser, display.url("/rooms/plenary/monitor"))
    first = countdown_at(browser)
    assert 0 <= first <= 5, first
    time.sleep(2)  # measuring that it counts up
    assert 2 <= countdown_at(browser) - first <= 4

    open_page(browser, display.url("/rooms/plenary/control?lang=en"))
    wait_js(browser, "return document.getElementById('roll-mode').value === 'off'", "the roll shown")
    assert text(browser, '#roll-mode option[value="held"]') == "held"
    js(browser, "var s = document.getElementById('roll-mode'); s.value = 'held';"
                "s.dispatchEvent(new Event('change'));")
    wait_until(lambda: room_status(podiumd, "plenary")["roll"] == "held", WAIT, "the room held")
    click_command(browser, 'button[data-command="end"]')
    assert "current" not in room_status(podiumd, "plenary")
