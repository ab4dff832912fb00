"""Speaking slots and undoing an End, against a real podiumd (and podium-display in headless Chromium):
a ministerial panel driven through its speakers' slots, its lineup changed live from the CLI and the
control page, the monitor counting the speaker's slot large and the session's small in ar/fr/en, a
mistaken End reopened after a `kill -9`, and the per-speaker report from the event log."""
import csv
import io
import re
import signal
import subprocess
import time
from datetime import datetime, timedelta, timezone

import pytest
from conftest import hermetic_environment, instant, wait_until
from pages import click_command, countdown_at, has_class, js, open_page, room_status, shown, text, wait_js, wait_text

WAIT = 10


@pytest.fixture
def conference_file(tmp_path):
    """A 30-minute panel on now in the plenary: a chair with no speaking time, then 7, 5 and 7 minutes."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    path = tmp_path / "conference.yaml"
    path.write_text(f"""\
conference:
  id: pytest-slots
  name: Pytest conference
  timeZone: Africa/Casablanca
  languages:
    - {{code: ar, name: العربية}}
    - {{code: fr, name: Français}}
    - {{code: en, name: English}}
rooms:
  - id: plenary
    name: Plénière
    names: {{ar: القاعة الكبرى, en: Plenary}}
sessions:
  - id: panel
    room: plenary
    title: Panel ministériel
    start: {at(0)}
    end: {at(30)}
    speakers:
      - {{name: Présidente de séance, language: fr}}
      - {{name: نادية الإدريسي, language: ar, minutes: 7}}
      - {{name: Claire Morel, language: fr, minutes: 5}}
      - {{name: Daniel Hughes, language: en, minutes: 7}}
  - id: closing
    room: plenary
    title: Clôture
    start: {at(40)}
    duration: 20m
""", encoding="utf-8")
    return path


@pytest.fixture
def page(browser):
    """The module's browser; fails the test on a JavaScript error or a CSP violation in a page."""
    browser.get_log("browser")
    yield browser
    browser.get("about:blank")
    errors = [entry["message"] for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and entry.get("source") in ("javascript", "security")
              and not re.search(r"favicon\.ico|net::ERR_|EventSource", entry["message"])]
    assert not errors, f"errors in the pages: {errors}"


def refused(podiumd, *args):
    """Runs a CLI command the daemon must refuse; returns its output."""
    result = podiumd.cli(*args, check=False)
    assert result.returncode != 0, f"podium {' '.join(args)} was accepted: {result.stdout}"
    return result.stdout + result.stderr


def parse_instant(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def lineup(podiumd):
    return [speaker["name"] for speaker in room_status(podiumd, "plenary")["current"]["lineup"]]


def test_a_panel_runs_through_its_slots_and_its_lineup_changes_live(podiumd):
    podiumd.cli("start", "plenary")
    current = room_status(podiumd, "plenary")["current"]
    assert "slot" not in current, "the chair has no speaking time"
    podiumd.cli("next-speaker", "plenary")
    current = room_status(podiumd, "plenary")["current"]
    assert current["speaker"]["name"] == "نادية الإدريسي"
    assert current["slot"]["allotted"] == 420
    assert 415 < current["slot"]["timeLeft"] <= 420
    assert current["slot"]["phase"] == "normal"
    assert 1790 - 60 < current["timeLeft"] <= 1800, "the session's countdown goes on beneath the slot"
    assert "speakingTimeOverrun" not in current  # 19 minutes of slots in 30

    # Live: Daniel before Claire, a guest added with 12 minutes (31 of 30: warned), then taken out again.
    podiumd.cli("speakers", "move", "plenary", "3", "2")
    assert lineup(podiumd) == ["Présidente de séance", "نادية الإدريسي", "Daniel Hughes", "Claire Morel"]
    podiumd.cli("speakers", "add", "plenary", "Invitée surprise", "--language", "fr", "--time", "12m")
    assert room_status(podiumd, "plenary")["current"]["speakingTimeOverrun"] == pytest.approx(60)
    assert "position" in refused(podiumd, "speakers", "remove", "plenary", "1")  # she has the floor
    assert "seconds" in refused(podiumd, "send", "plenary", "setSpeakingTime", "position=2", "seconds=-180")
    assert "seconds" in refused(podiumd, "speakers", "time", "plenary", "2", "9h")
    assert "language" in refused(podiumd, "speakers", "add", "plenary", "X", "--language", "de")
    podiumd.cli("speakers", "remove", "plenary", "4")
    assert "speakingTimeOverrun" not in room_status(podiumd, "plenary")["current"]
    # Her own time shortened while she speaks: her slot counts from when she took the floor.
    podiumd.cli("speakers", "time", "plenary", "1", "10s")
    status = room_status(podiumd, "plenary")
    took_floor = parse_instant(status["state"]["speakerStartedAt"])
    assert status["current"]["slot"]["allotted"] == 10
    assert abs((parse_instant(status["current"]["slot"]["endsAt"]) - took_floor).total_seconds() - 10) < 0.01
    assert status["current"]["phase"] == "normal", "the session is not late for her slot"
    time.sleep(1.5)  # she keeps the floor a measured while: the report counts whole seconds of it
    podiumd.cli("next-speaker", "plenary")
    current = room_status(podiumd, "plenary")["current"]
    assert current["speaker"]["name"] == "Daniel Hughes"
    assert current["floorLanguage"] == "en"
    assert 415 < current["slot"]["timeLeft"] <= 420

    # The lineup is the daemon's: a restart after kill -9 keeps it, slot and all.
    podiumd.kill(signal.SIGKILL)
    podiumd.start()
    after = room_status(podiumd, "plenary")["current"]
    assert [s["name"] for s in after["lineup"]] == ["Présidente de séance", "نادية الإدريسي", "Daniel Hughes",
                                                     "Claire Morel"]
    assert after["slot"]["allotted"] == 420 and after["slot"]["timeLeft"] < current["slot"]["timeLeft"]

    # Planned against spoken, per speaker, from the event log.
    podiumd.cli("end", "plenary")
    result = subprocess.run(
        [str(podiumd.bin_dir / "podium"), "report", "speakers", "--csv", "--data-dir", str(podiumd.data_dir)],
        capture_output=True, text=True, timeout=30, env=hermetic_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout
    rows = {row["speaker"]: row for row in csv.DictReader(io.StringIO(report))}
    assert rows["نادية الإدريسي"]["planned_s"] == "10"
    assert int(rows["نادية الإدريسي"]["spoken_s"]) >= 1
    assert rows["Daniel Hughes"]["planned_s"] == "420"
    assert rows["Claire Morel"]["spoken_s"] == "0"
    assert "Invitée surprise" not in rows


def test_a_mistaken_end_is_reopened_once_even_across_a_restart(podiumd):
    podiumd.cli("start", "plenary")
    podiumd.cli("next-speaker", "plenary")
    podiumd.cli("add-time", "plenary", "+2m")
    before = room_status(podiumd, "plenary")
    podiumd.cli("end", "plenary")  # by mistake
    podiumd.kill(signal.SIGKILL)
    podiumd.start()
    assert "current" not in room_status(podiumd, "plenary")
    podiumd.cli("reopen", "plenary")
    after = room_status(podiumd, "plenary")
    assert after["current"]["session"]["id"] == "panel"
    assert after["current"]["speaker"]["name"] == "نادية الإدريسي"
    assert after["state"]["timer"] == before["state"]["timer"], "the countdown runs on as if never ended"
    assert "endedAt" not in after["state"]["records"]["panel"]
    assert "is on" in refused(podiumd, "reopen", "plenary")
    # The log keeps both facts.
    types = [entry["type"] for entry in podiumd.request({"type": "events", "id": "e", "after": 0, "limit": 500})["events"]]
    assert types[-2:] == ["sessionEnded", "sessionReopened"]

    # Once the next session started, the End of the one before is history.
    podiumd.cli("end", "plenary")
    podiumd.cli("start", "plenary")
    podiumd.cli("end", "plenary")
    podiumd.cli("reopen", "plenary")  # the closing, just ended: fine
    assert room_status(podiumd, "plenary")["current"]["session"]["id"] == "closing"
    podiumd.cli("end", "plenary")
    assert "only 'closing'" in refused(podiumd, "send", "plenary", "reopen", "session=panel")


@pytest.mark.parametrize("language, session_label", [("fr", "Séance"), ("en", "Session"), ("ar", "الجلسة")])
def test_the_monitor_counts_the_speakers_slot_large_and_the_session_small(podiumd, display, page, language,
                                                                          session_label):
    podiumd.cli("start", "plenary")
    open_page(page, display.url(f"/rooms/plenary/monitor?lang={language}"))
    first = countdown_at(page)
    assert 1700 < first <= 1800, "the chair has no slot: the big countdown is the session's"
    assert not shown(page, "#session-line")

    podiumd.cli("next-speaker", "plenary")
    wait_until(lambda: shown(page, "#session-line"), WAIT, "the session's countdown, small")
    # Up to a second over: the page's offset to the daemon's clock is an estimate (under faketime too).
    slot = countdown_at(page)
    assert 410 < slot <= 421, slot
    session = countdown_at(page, "#session-left")
    assert 1700 < session <= 1801, session
    assert text(page, "#session-line .label") == session_label
    assert js(page, "return getComputedStyle(document.body).direction") == ("rtl" if language == "ar" else "ltr")
    assert js(page, "return getComputedStyle(document.getElementById('time-left')).direction") == "ltr"
    big = js(page, "return parseFloat(getComputedStyle(document.getElementById('time-left')).fontSize)")
    small = js(page, "return parseFloat(getComputedStyle(document.getElementById('session-left')).fontSize)")
    assert big > 3 * small, (big, small)
    time.sleep(1.5)  # measuring that both count
    assert 1 <= slot - countdown_at(page) <= 3
    assert 1 <= session - countdown_at(page, "#session-left") <= 3

    # The slot's own phase: shortened to 10 s, it runs over while the session does not.
    podiumd.cli("speakers", "time", "plenary", "1", "10s")
    wait_text(page, "#time-left", lambda value: value.startswith("\u2212"), "the slot running over", timeout=15)
    assert has_class(page, "body", "phase-overtime")
    assert not text(page, "#session-left").startswith("\u2212")


def test_the_control_page_moves_a_speaker_and_reopens_an_end(podiumd, display, page):
    podiumd.cli("start", "plenary")
    podiumd.cli("next-speaker", "plenary")
    open_page(page, display.url("/rooms/plenary/control?lang=en"))
    wait_js(page, "return document.querySelectorAll('#speakers li').length === 4", "the lineup")
    assert text(page, "#slot-line .label") == "Speaking time"
    assert js(page, "return [...document.querySelectorAll('#speakers li')].map(li => li.querySelectorAll('button[data-action=remove]').length)") == [0, 0, 1, 1]
    click_command(page, '#speakers button[data-action="down"][data-position="2"]')
    assert lineup(podiumd) == ["Présidente de séance", "نادية الإدريسي", "Daniel Hughes", "Claire Morel"]
    wait_text(page, '#speakers li[data-position="2"] .name', "Daniel Hughes")

    page.find_element("css selector", "#speaker-name").send_keys("Invitée surprise")
    page.find_element("css selector", "#speaker-minutes").send_keys("12")
    click_command(page, '#speaker-form button[type="submit"]')
    assert lineup(podiumd)[-1] == "Invitée surprise"
    wait_text(page, "#lineup-warning", "Speaking times exceed the session by 1 min")

    click_command(page, 'button[data-command="end"]')
    wait_js(page, "return !document.querySelector('button[data-command=\"reopen\"]').classList.contains('inapplicable')",
            "reopen applicable")
    click_command(page, 'button[data-command="reopen"]')
    assert room_status(podiumd, "plenary")["current"]["speaker"]["name"] == "نادية الإدريسي"
