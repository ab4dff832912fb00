"""The room display plugin (plugins/room-display) in a real headless Chromium.

- The view model: the pure functions of /static/timeline.js, called inside the browser
  with hand-made room statuses and instants, and checked against the daemon's own values.
- The screens (door, monitor, lobby, control, index) served by a real podium-display
  following a real podiumd, driven with the podium CLI; assertions on the DOM.
- Screenshots of every screen (fr and ar, 1920×1080; the door also 1080×1920) in artifacts/.

One Chromium per module; a fresh daemon and plugin per test (they start in well under a second).
Waits are conditions with deadlines; the only sleeps measure that a countdown moves.
"""
import json
import re
import struct
import time
import urllib.parse
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import requests
from conftest import (ARABIC_TITLE, HOSTILE_TITLE, REPO, RoomDisplay, Podiumd, wait_until, write_conference,
                      write_display_conference)
from pages import (click_command, countdown_at, has_class, js, open_page, room_status, shown, text,
                   wait_class, wait_js, wait_shown, wait_text)

ARTIFACTS = REPO / "artifacts"
TIME_ZONE = "Europe/Paris"  # the display conference's: midnight with Casablanca's in winter (scripts/test)
MINUS = "\u2212"
HOSTILE_MESSAGE = '<img src=x onerror="window.__xss=2"><b>Ralentissez</b> & <script>window.__xss=3</script>'
WAIT = 10  # seconds, for what the page shows after an update
RECONNECT_WAIT = 30  # seconds, for the plugin to notice a dead daemon or a restarted one


# ---------------------------------------------------------------- fixtures

@pytest.fixture
def conference_file(tmp_path):
    """This module's daemons load the display conference (Arabic and hostile titles, starting on time)."""
    return write_display_conference(tmp_path / "conference.yaml", time_zone=TIME_ZONE)


@pytest.fixture(scope="module")
def module_display(tmp_path_factory):
    """A daemon (the default test conference, left unchanged) and its plugin, for the view-model tests."""
    workdir = tmp_path_factory.mktemp("display")
    daemon = Podiumd(workdir, write_conference(workdir / "conference.yaml"))
    server = RoomDisplay(workdir, daemon)
    try:
        daemon.start()
        yield server.start()
    finally:
        server.kill()
        daemon.close()


IGNORED_LOG = re.compile(r"favicon\.ico|/rooms/[^ ]*/(door|monitor|control) - Failed to load resource|"
                         r"net::ERR_|EventSource|/live")


@pytest.fixture
def page(browser):
    """The module's browser, left clean for the next test: one window, no emulation, no page.
    Fails the test on a JavaScript error or a CSP violation logged by a page."""
    browser.get_log("browser")  # drop what earlier tests left
    main = browser.current_window_handle
    yield browser
    for handle in browser.window_handles:
        if handle != main:
            browser.switch_to.window(handle)
            browser.close()
    browser.switch_to.window(main)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get("about:blank")
    errors = [entry["message"] for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and entry.get("source") in ("javascript", "security")
              and not IGNORED_LOG.search(entry["message"])]
    assert not errors, f"errors in the pages: {errors}"


# ---------------------------------------------------------------- helpers


def assert_counts(driver, selector="#time-left"):
    """The countdown moves smoothly: two reads 1.5 s apart are 1–2 s lower (in overtime too)."""
    first = countdown_at(driver, selector)
    time.sleep(1.5)  # the measured interval, not a wait for a condition
    second = countdown_at(driver, selector)
    assert 1 <= first - second <= 2, f"{selector}: {first} then {second} 1.5 s later"
    return second


def assert_no_injection(driver):
    """Schedule texts went through textContent: no element made from them, no script run."""
    found = js(driver, """return {
        xss: window.__xss === undefined ? null : window.__xss,
        made: document.querySelectorAll('b, img[src="x"], script:not([src])').length };""")
    assert found == {"xss": None, "made": 0}, found


def parse_instant(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def local_hm(value, zone=TIME_ZONE):
    """An instant (ISO text) as HH:MM in the conference's time zone."""
    return parse_instant(value).astimezone(ZoneInfo(zone)).strftime("%H:%M")


def png_size(path):
    with open(path, "rb") as image:
        header = image.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def emulate(driver, width, height):
    """An exact viewport (screenshots are then width × height)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


# ---------------------------------------------------------------- view model (timeline.js)

T0 = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def at(hh_mm, seconds=0):
    hours, minutes = map(int, hh_mm.split(":"))
    return T0.replace(hour=hours, minute=minutes) + timedelta(seconds=seconds)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def ms(moment):
    return int(moment.timestamp() * 1000)


def session(ident, start, end):
    return {"id": ident, "roomId": "plenary", "title": ident, "titles": {}, "speakers": [],
            "plannedStart": iso(at(start)), "plannedEnd": iso(at(end))}


# The example of docs/PROTOCOL.md §10: A planned 09:00–09:30, started 09:05; B 09:40–10:25; C 10:25–11:00.
A, B, C = session("A", "09:00", "09:30"), session("B", "09:40", "10:25"), session("C", "10:25", "11:00")


def running(ends_at, as_of, current=A, started="09:05"):
    return {"session": current, "paused": False, "startedAt": iso(at(started)), "endsAt": iso(ends_at),
            "timeLeft": (ends_at - as_of).total_seconds(), "elapsed": (as_of - at(started)).total_seconds()}


def paused(time_left, as_of, current=A, started="09:05"):
    return {"session": current, "paused": True, "startedAt": iso(at(started)),
            "endsAt": iso(as_of + timedelta(seconds=time_left)), "timeLeft": time_left,
            "elapsed": (as_of - at(started)).total_seconds() - 60}


def status(current=None, upcoming=(A, B, C), thresholds=None):
    value = {"upcoming": [{"session": s, "expectedStart": s["plannedStart"], "delay": 0} for s in upcoming],
             "thresholds": thresholds or {"warning": 300, "danger": 60}}
    if current:
        value["current"] = current
    return value


@pytest.fixture
def timeline(module_display, page):
    """Calls timeline.js in a page of the plugin: timeline("T.phase(arguments[0])", 30)."""
    open_page(page, module_display.url("/"))
    wait_js(page, "return !!window.PodiumTimeline", "timeline.js")
    return lambda expression, *args: page.execute_script(
        "var T = window.PodiumTimeline; return " + expression + ";", *args)


def schedule(timeline, value, now):
    """T.schedule at `now`, expected starts as datetimes."""
    result = timeline("T.schedule(arguments[0], arguments[1])", value, ms(now))
    return result["offset"], [(u["session"]["id"], datetime.fromtimestamp(u["expectedStart"] / 1000, timezone.utc),
                               u["delay"]) for u in result["upcoming"]]


def test_time_left_counts_down_to_end_and_past_it(timeline):
    value = running(at("09:35"), at("09:20"))
    assert timeline("T.timeLeft(arguments[0], arguments[1])", value, ms(at("09:20"))) == 900
    assert timeline("T.timeLeft(arguments[0], arguments[1])", value, ms(at("09:34", 59.5))) == 0.5
    assert timeline("T.timeLeft(arguments[0], arguments[1])", value, ms(at("09:36", 30))) == -90
    assert timeline("T.timeLeft(null, 0)") is None


def test_phase_at_each_threshold(timeline):
    phase = lambda left, thresholds=None: timeline("T.phase(arguments[0], arguments[1])", left, thresholds)  # noqa: E731
    defaults = {3600: "normal", 300.5: "normal", 300: "warning", 61: "warning", 60.5: "warning", 60: "danger",
                1: "danger", 0.001: "danger", 0: "overtime", -0.5: "overtime", -3600: "overtime"}
    assert {left: phase(left) for left in defaults} == defaults  # no thresholds: 300 and 60
    assert {left: phase(left, {"warning": 300, "danger": 60}) for left in defaults} == defaults
    custom = {601: "normal", 600: "warning", 121: "warning", 120: "danger", 0: "overtime"}
    assert {left: phase(left, {"warning": 600, "danger": 120}) for left in custom} == custom
    assert phase(10, {"warning": 60, "danger": 0}) == "warning"  # danger 0: straight from warning to overtime
    assert phase(0, {"warning": 60, "danger": 0}) == "overtime"


def test_each_screen_phase_follows_the_instant(timeline):
    value = status(running(at("09:35"), at("09:20")))
    instants = [ms(at(hh_mm)) for hh_mm in ("09:20", "09:30", "09:34", "09:35", "09:40")]
    phases = timeline("""arguments[1].map(function (t) {
        return T.phase(T.timeLeft(this.current, t), this.thresholds); }, arguments[0])""", value, instants)
    assert phases == ["normal", "warning", "danger", "overtime", "overtime"]


def test_paused_freezes_the_countdown_but_not_the_lateness(timeline):
    value = status(paused(600, at("09:20")), upcoming=(B, C))
    for now in (at("09:20"), at("09:25"), at("10:00")):
        assert timeline("T.timeLeft(arguments[0].current, arguments[1])", value, ms(now)) == 600
    # A pause moves the end later: 09:20 + 10 min left = 09:30 (on time); at 09:25, 09:35 (5 min late).
    assert schedule(timeline, value, at("09:20"))[0] == 0
    offset, upcoming = schedule(timeline, value, at("09:35"))
    assert offset == 900
    assert upcoming[0] == ("B", at("09:45"), 300)  # the 10-minute gap absorbs 10 of the 15 minutes


def test_lateness_and_expected_starts_with_a_gap_absorbing_it(timeline):
    value = status(running(at("09:35"), at("09:20")), upcoming=(B, C))
    offset, upcoming = schedule(timeline, value, at("09:20"))
    assert offset == 300  # 5 min late…
    assert upcoming == [("B", at("09:40"), 0), ("C", at("10:25"), 0)]  # …absorbed by the gap before B
    assert timeline("T.lateMinutes(arguments[0])", offset) == 5
    # Back-to-back sessions pass lateness on.
    value = status(running(at("09:50"), at("09:20")), upcoming=(B, C))
    offset, upcoming = schedule(timeline, value, at("09:20"))
    assert offset == 1200
    assert upcoming == [("B", at("09:50"), 600), ("C", at("10:35"), 600)]


def test_overtime_grows_the_offset(timeline):
    value = status(running(at("09:35"), at("09:20")), upcoming=(B, C))
    # The doc's example: at 09:50 with A still on, +20 min; B expected 09:50 (+10), C 10:35 (+10).
    offset, upcoming = schedule(timeline, value, at("09:50"))
    assert offset == 1200
    assert upcoming == [("B", at("09:50"), 600), ("C", at("10:35"), 600)]
    later_offset, later = schedule(timeline, value, at("09:51"))
    assert later_offset == 1260 and later[0] == ("B", at("09:51"), 660)
    # Before the gap is used up, overtime changes nothing downstream.
    offset, upcoming = schedule(timeline, value, at("09:38"))
    assert offset == 480 and upcoming[0] == ("B", at("09:40"), 0)


def test_paused_while_running_over_counts_as_ending_now(timeline):
    """§10: projectedEnd = max(now, endsAt(now)) also while paused in overtime."""
    value = status(paused(-120, at("09:37")), upcoming=(B, C))  # 2 min over at 09:37, then paused
    assert timeline("T.timeLeft(arguments[0].current, arguments[1])", value, ms(at("09:45"))) == -120
    offset, upcoming = schedule(timeline, value, at("09:37"))
    assert offset == 420  # ends now at the earliest: 09:37 − 09:30
    offset, upcoming = schedule(timeline, value, at("09:45"))
    assert offset == 900
    assert upcoming[0] == ("B", at("09:45"), 300)


def test_no_session_on_the_next_one_is_expected_now(timeline):
    value = status(None, upcoming=(B, C))
    assert schedule(timeline, value, at("09:30")) == (0, [("B", at("09:40"), 0), ("C", at("10:25"), 0)])
    assert schedule(timeline, value, at("09:50")) == (600, [("B", at("09:50"), 600), ("C", at("10:35"), 600)])
    assert schedule(timeline, status(None, upcoming=()), at("09:50")) == (0, [])


def test_late_minutes_shown_from_a_whole_minute(timeline):
    late = {-600: 0, 0: 0, 59.9: 0, 60: 1, 89: 1, 90: 2, 300: 5, 3600: 60}
    assert {offset: timeline("T.lateMinutes(arguments[0])", offset) for offset in late} == late


def test_countdown_formatting(timeline):
    cases = {
        0: "0:00", 0.2: "0:01", 5: "0:05", 59.2: "1:00", 65: "1:05", 600: "10:00", 1797: "29:57",
        3599.5: "1:00:00", 3600: "1:00:00", 3725: "1:02:05", 36000: "10:00:00",
        -0.4: "0:00", -1: f"{MINUS}0:01", -83: f"{MINUS}1:23", -600: f"{MINUS}10:00", -3723: f"{MINUS}1:02:03",
    }
    got = {seconds: timeline("T.formatCountdown(arguments[0])", seconds) for seconds in cases}
    assert got == cases
    assert timeline("[T.formatCountdown(null), T.formatCountdown(NaN)]") == ["", ""]


def test_times_in_the_conference_time_zone_with_western_digits(timeline, module_display, page):
    moment = datetime(2026, 11, 29, 4, 5, 9, tzinfo=timezone.utc)
    assert timeline("T.formatTime(arguments[0], 'Asia/Dubai')", ms(moment)) == "08:05"
    assert timeline("T.formatClock(arguments[0], 'Asia/Dubai')", ms(moment)) == "08:05:09"
    assert timeline("T.formatTime(arguments[0], 'Asia/Tokyo')", ms(moment.replace(hour=15))) == "00:05"
    assert timeline("T.formatTime(arguments[0], 'No/Such_Zone')", ms(moment)) != ""  # falls back, no exception
    open_page(page, module_display.url("/?lang=ar"))  # an Arabic page keeps 0-9
    assert page.execute_script("return PodiumTimeline.formatClock(arguments[0], 'Asia/Dubai')", ms(moment)) == "08:05:09"


def test_a_time_on_another_day_says_its_day_in_the_screens_language(timeline):
    """A next session tomorrow shows «jeu. 3 déc.» beside its time; today's only the time."""
    now = datetime(2026, 12, 2, 22, 30, tzinfo=timezone.utc)  # 23:30 in Paris
    later_today = now + timedelta(minutes=20)  # 23:50 in Paris
    tomorrow = now + timedelta(minutes=40)  # 00:10 in Paris on the 3rd; 23:10 on the 2nd in UTC
    day = lambda t, lang: timeline("T.formatDay(arguments[0], arguments[1], 'Europe/Paris', arguments[2])",  # noqa: E731
                                   ms(t), ms(now), lang)
    assert day(later_today, "fr") == ""
    assert day(tomorrow, "fr") == "jeu. 3 déc."
    english = day(tomorrow, "en")
    assert "Thu" in english and "Dec" in english and "3" in english, english
    arabic = day(tomorrow, "ar")
    assert "3" in arabic and "ديسمبر" in arabic, arabic  # Western digits, the Arabic month
    assert timeline("T.formatDay(arguments[0], arguments[1], 'UTC', 'fr')", ms(tomorrow), ms(now)) == ""


def test_progress(timeline):
    current = {"elapsed": 600, "timeLeft": 1200}
    assert timeline("T.progress(arguments[0], 1200)", current) == pytest.approx(1 / 3)
    assert timeline("T.progress(arguments[0], 0)", current) == 1
    assert timeline("T.progress(arguments[0], -60)", current) == 1
    assert timeline("T.progress(null, 10)") == 0


def test_view_model_gives_back_the_daemons_values(podiumd, display, page):
    """Recomputing at asOf gives the published values (§10), running, in overtime, paused in overtime."""
    open_page(page, display.url("/"))
    recompute = """var s = arguments[0], t = Date.parse(s.asOf), T = PodiumTimeline, c = s.current;
        var sch = T.schedule(s, t);
        return {offset: sch.offset, expected: sch.upcoming.map(function (u) { return u.expectedStart; }),
                timeLeft: c ? T.timeLeft(c, t) : null, phase: c ? T.phase(T.timeLeft(c, t), s.thresholds) : null};"""

    def check(room):
        value = room_status(podiumd, room)
        got = page.execute_script(recompute, value)
        current = value.get("current")
        assert got["offset"] == pytest.approx(value["offset"], abs=0.002), (room, value)
        assert got["expected"] == pytest.approx([ms(parse_instant(u["expectedStart"])) for u in value["upcoming"]],
                                                abs=1)
        if current:
            assert got["timeLeft"] == pytest.approx(current["timeLeft"], abs=0.002)
            assert got["phase"] == current["phase"]
        return value

    check("atelier")  # nothing on, the workshop expected now
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+90s")
    assert check("plenary")["current"]["phase"] == "normal"
    podiumd.cli("add-time", "plenary", "-25m")
    assert check("plenary")["current"]["phase"] == "overtime"
    podiumd.cli("pause", "plenary")
    assert check("plenary")["current"]["paused"]


# ---------------------------------------------------------------- screens

def test_door_shows_now_next_channels_and_counts_down(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/door"))
    wait_text(page, "#session-title", "Séance d’ouverture 2026")
    assert text(page, "#room-name") == "Plénière"
    assert js(page, "return document.getElementById('session-title').lang") == "fr"
    assert js(page, "return [...document.querySelectorAll('#speakers li')].map(li => [li.textContent, li.className])") \
        == [["Amina Benali", "current"], ["Jean Dupont", ""]]
    # The floor language named in the door's language; the channels by their own names.
    assert text(page, "#floor-language") == "Arabe"
    assert js(page, "return document.getElementById('floor-language').lang") == "fr"
    assert text(page, "#next-title") == HOSTILE_TITLE
    value = room_status(podiumd, "plenary")
    assert text(page, "#next-expected") == local_hm(value["upcoming"][0]["session"]["plannedStart"])
    assert not shown(page, "#next-planned")
    assert not shown(page, "#late-banner")  # started on time (a few seconds late)
    assert js(page, "return [...document.querySelectorAll('#channels li')].map(li => li.innerText.replace(/\\s+/g, ' '))") \
        == ["Français Canal 1", "English Canal 2"]
    assert re.fullmatch(r"\d\d:\d\d:\d\d", text(page, "#clock"))
    assert has_class(page, "body", "phase-normal") and not has_class(page, "body", "idle")
    left = assert_counts(page)
    assert 20 * 60 - 15 <= left < 20 * 60
    assert 0 <= int(js(page, "return document.getElementById('progress').getAttribute('aria-valuenow')")) <= 2
    assert js(page, "return document.title").startswith("Plénière")
    assert_no_injection(page)


def test_door_shows_the_questions_link_as_a_qr_code(podiumd, display, page):
    open_page(page, display.url("/rooms/plenary/door"))
    wait_until(lambda: shown(page, "#qa"), WAIT, "the questions panel")
    assert text(page, "#qa-url") == "https://questions.example/plenary?from=door&lang=fr"
    wait_until(lambda: js(page, "const i = document.getElementById('qa-qr'); return i.complete && i.naturalWidth > 0"),
               WAIT, "the QR code image to load")
    svg = requests.get(display.url("/rooms/plenary/qa-qr.svg"), timeout=5)
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.startswith("<svg") and svg.text.count("h1v1h-1z") > 100  # dark modules drawn
    # A room without a questions page shows no code.
    assert requests.get(display.url("/rooms/atelier/qa-qr.svg"), timeout=5).status_code == 404
    open_page(page, display.url("/rooms/atelier/door"))
    wait_text(page, "#room-name", "Atelier B")
    assert not shown(page, "#qa")


def test_door_with_no_session_on(podiumd, display, page):
    open_page(page, display.url("/rooms/atelier/door"))
    wait_class(page, "body", "idle")
    wait_shown(page, "#no-session")
    assert not shown(page, "#now-body")
    assert text(page, "#next-title") == "Atelier d’interprétation"
    # The workshop should have started 5 min ago: expected now, shown late, planned time struck out.
    wait_text(page, "#late-banner", "Retard de 5 min")
    assert shown(page, "#next-planned")
    assert text(page, "#next-planned") == local_hm(room_status(podiumd, "atelier")["upcoming"][0]["session"]["plannedStart"])
    assert not shown(page, "#channels-panel")  # the atelier has no booth


def test_late_banner_and_expected_start(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/door"))
    planned = local_hm(room_status(podiumd, "plenary")["upcoming"][0]["session"]["plannedStart"])
    wait_text(page, "#next-expected", planned)
    assert not shown(page, "#late-banner")

    podiumd.cli("add-time", "plenary", "+3m")  # ends 3 min late; the 1-minute gap absorbs one
    value = room_status(podiumd, "plenary")
    assert value["upcoming"][0]["delay"] >= 120
    wait_text(page, "#late-banner", "Retard de 3 min")
    assert shown(page, "#late-banner")
    wait_text(page, "#next-expected", local_hm(value["upcoming"][0]["expectedStart"]))
    assert text(page, "#next-expected") != planned
    assert shown(page, "#next-planned") and text(page, "#next-planned") == planned
    assert 23 * 60 - 15 <= countdown_at(page) <= 23 * 60

    open_page(page, display.url("/rooms/plenary/monitor"))
    wait_text(page, "#late-banner", "Retard de 3 min")
    assert text(page, "#next-expected") == local_hm(value["upcoming"][0]["expectedStart"])

    podiumd.cli("add-time", "plenary", "-150s")  # 30 s late: the gap absorbs it all
    wait_shown(page, "#late-banner", False)
    open_page(page, display.url("/rooms/plenary/door"))
    wait_text(page, "#next-expected", planned)
    assert not shown(page, "#next-planned") and not shown(page, "#late-banner")


def test_phases_from_thresholds_and_time_added(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/monitor"))
    wait_class(page, "body", "phase-normal")
    podiumd.cli("set-thresholds", "plenary", "--warning", "25m", "--danger", "10m")
    wait_class(page, "body", "phase-warning")
    assert not has_class(page, "body", "phase-normal")
    podiumd.cli("set-thresholds", "plenary", "--warning", "30m", "--danger", "21m")
    wait_class(page, "body", "phase-danger")
    podiumd.cli("add-time", "plenary", "-21m")
    wait_class(page, "body", "phase-overtime")
    assert [cls for cls in js(page, "return [...document.body.classList]") if cls.startswith("phase-")] \
        == ["phase-overtime"]
    assert text(page, "#time-left").startswith(MINUS)
    assert assert_counts(page) < -60  # overtime grows: −1:01, −1:02…

    open_page(page, display.url("/lobby"))
    wait_class(page, 'article[data-room="plenary"]', "phase-overtime")
    assert text(page, 'article[data-room="plenary"] .time-left').startswith(MINUS)
    open_page(page, display.url("/rooms/plenary/control"))
    wait_text(page, "#phase", "dépassement")
    assert has_class(page, "body", "phase-overtime")


def test_paused_countdown_stands_still(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/monitor"))
    countdown_at(page)
    podiumd.cli("pause", "plenary")
    wait_shown(page, "#paused")
    assert has_class(page, "body", "paused")
    assert text(page, "#paused") == "EN PAUSE"
    first = countdown_at(page)
    time.sleep(1.5)  # measuring that nothing moves
    assert countdown_at(page) == first
    podiumd.cli("resume", "plenary")
    wait_shown(page, "#paused", False)
    assert not has_class(page, "body", "paused")
    assert_counts(page)


def test_monitor_modes_placeholders_and_a_cue_at_each_phase(podiumd, display, page):
    podiumd.cli("start", "plenary")
    # Placeholders in a message: the speaker, the next speaker, the time left (kept current).
    podiumd.cli("message", "plenary", "{speaker}, il reste {timeLeft} ; ensuite {next}")
    open_page(page, display.url("/rooms/plenary/monitor?sound=1"))
    wait_text(page, "#message", lambda t: t.startswith("Amina Benali, il reste ") and t.endswith("; ensuite Jean Dupont"))
    left = text(page, "#message").split("il reste ")[1].split(" ;")[0]
    assert re.fullmatch(r"\d+:\d\d", left), left
    assert js(page, "return window.__podiumCues") == []  # the phase found on loading gives no cue
    # The countdown turns to warning, then to danger: one cue each.
    podiumd.cli("set-thresholds", "plenary", "--warning", "30m", "--danger", "1m")
    wait_until(lambda: js(page, "return window.__podiumCues") == ["warning"], WAIT, "the warning cue")
    podiumd.cli("set-thresholds", "plenary", "--warning", "30m", "--danger", "25m")
    wait_until(lambda: js(page, "return window.__podiumCues") == ["warning", "danger"], WAIT, "the danger cue")

    # Focus: the time only. Standby: the conference's name only.
    open_page(page, display.url("/rooms/plenary/monitor?mode=focus"))
    wait_js(page, "return /\\d:\\d\\d/.test(document.getElementById('time-left').textContent)", "the countdown")
    assert shown(page, "#time-left") and not shown(page, "#message") and not shown(page, "#session-title")
    assert not shown(page, "#speaker")
    open_page(page, display.url("/rooms/plenary/monitor?mode=standby&lang=ar"))
    wait_text(page, "#standby-name", "مؤتمر الاختبار")
    assert not shown(page, "#time-left") and not shown(page, "#message")


def test_monitor_speakers_messages_blackout(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/monitor"))
    wait_text(page, "#speaker", "Amina Benali")
    assert text(page, "#session-title") == "Séance d’ouverture 2026"
    assert text(page, "#next-speaker") == "Jean Dupont" and shown(page, "#next-speaker-row")
    assert not shown(page, "#message")
    podiumd.cli("message", "plenary", "Merci de conclure", "--blink")
    wait_shown(page, "#message")
    assert text(page, "#message") == "Merci de conclure"
    assert has_class(page, "#message", "blink")
    podiumd.cli("next-speaker", "plenary")
    wait_text(page, "#speaker", "Jean Dupont")
    assert not shown(page, "#next-speaker-row")
    assert shown(page, "#next-row") and text(page, "#next-title") == HOSTILE_TITLE
    podiumd.cli("message", "plenary", "--blackout")
    wait_class(page, "body", "blackout")
    podiumd.cli("clear-message", "plenary")
    wait_class(page, "body", "blackout", expected=False)
    wait_shown(page, "#message", False)
    assert_no_injection(page)


def test_lobby_lists_every_room_in_conference_order(podiumd, display, page):
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+3m")
    value = room_status(podiumd, "plenary")
    open_page(page, display.url("/lobby"))
    wait_js(page, "return document.querySelectorAll('article.room-card').length === 2", "two room cards")
    assert js(page, "return [...document.querySelectorAll('article.room-card')].map(a => a.dataset.room)") \
        == ["plenary", "atelier"]
    assert text(page, "#conference-name") == "Pytest conference"
    plenary, atelier = 'article[data-room="plenary"]', 'article[data-room="atelier"]'
    assert text(page, f"{plenary} .room-name") == "Plénière"
    assert text(page, f"{plenary} .now-title") == "Séance d’ouverture 2026"
    assert 23 * 60 - 15 <= countdown_at(page, f"{plenary} .time-left") <= 23 * 60
    assert text(page, f"{plenary} .next-title") == HOSTILE_TITLE
    wait_text(page, f"{plenary} .next-expected", local_hm(value["upcoming"][0]["expectedStart"]))
    wait_text(page, f"{plenary} .late-badge", "Retard de 3 min")
    assert shown(page, f"{plenary} .next-planned")
    assert text(page, f"{atelier} .now-title") == "Aucune séance en cours"
    assert text(page, f"{atelier} .next-title") == "Atelier d’interprétation"
    assert text(page, f"{atelier} .late-badge") == "Retard de 5 min"
    assert_counts(page, f"{plenary} .time-left")
    assert_no_injection(page)


def test_index_links_every_screen(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/?lang=ar"))
    wait_js(page, "return document.querySelectorAll('#rooms tr a').length === 6", "links to 3 screens of 2 rooms")
    links = js(page, "return [...document.querySelectorAll('#rooms tr a')].map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"/rooms/{room}/{kind}?lang=ar"
                                   for room in ("plenary", "atelier") for kind in ("door", "monitor", "control"))
    assert text(page, "#conference-name") == "مؤتمر الاختبار"
    assert js(page, "return document.getElementById('lobby-link').getAttribute('href')") == "/lobby?lang=ar"
    assert ARABIC_TITLE in js(page, "return document.getElementById('rooms').textContent")
    js(page, "document.querySelector('#rooms a[href^=\"/rooms/plenary/door\"]').click()")
    wait_until(lambda: page.current_url.endswith("/rooms/plenary/door?lang=ar"), WAIT, "the door link to open")


def test_arabic_screens_are_right_to_left(podiumd, display, page):
    podiumd.cli("start", "plenary")
    podiumd.cli("start", "atelier")
    open_page(page, display.url("/rooms/plenary/door?lang=ar"))
    wait_text(page, "#session-title", ARABIC_TITLE)
    assert js(page, "return [document.documentElement.dir, document.documentElement.lang, "
                    "getComputedStyle(document.body).direction]") == ["rtl", "ar", "rtl"]
    assert text(page, "#room-name") == "القاعة الكبرى"
    assert text(page, "h2[data-label=now]") == "الآن"
    title = js(page, "var n = document.getElementById('session-title'); "
                     "return [n.getAttribute('dir'), getComputedStyle(n).direction, n.matches(':dir(rtl)')]")
    assert title == ["auto", "rtl", True]
    assert re.fullmatch(r"[0-9]{2}:[0-9]{2}:[0-9]{2}", text(page, "#clock"))  # Western digits
    assert re.fullmatch(r"[0-9]+:[0-9]{2}", text(page, "#time-left"))
    assert js(page, "return getComputedStyle(document.getElementById('time-left')).direction") == "ltr"

    # A French title inside an Arabic page keeps its own direction.
    open_page(page, display.url("/rooms/atelier/door?lang=ar"))
    wait_text(page, "#session-title", "Atelier d’interprétation")
    assert getattr_dir(page, "#session-title") == ["auto", "ltr", True]
    assert js(page, "return getComputedStyle(document.body).direction") == "rtl"

    for path in ("/rooms/plenary/monitor?lang=ar", "/lobby?lang=ar", "/rooms/plenary/control?lang=ar", "/?lang=ar"):
        open_page(page, display.url(path))
        assert js(page, "return [document.documentElement.dir, getComputedStyle(document.body).direction]") \
            == ["rtl", "rtl"], path
    wait_js(page, "return document.querySelectorAll('#rooms tr').length === 2", "the index's rooms")
    assert getattr_dir(page, "#rooms tr:last-child td:nth-child(2) span")[0] == "auto"


def getattr_dir(driver, selector):
    return js(driver, "var n = document.querySelector(arguments[0]); "
                      "return [n.getAttribute('dir'), getComputedStyle(n).direction, n.matches(':dir(ltr)')]", selector)


def test_markup_in_titles_and_messages_shows_literally(podiumd, display, page):
    podiumd.cli("start", "plenary", "--session", "panel")  # the hostile title is now on
    podiumd.cli("message", "plenary", HOSTILE_MESSAGE)
    checks = {
        "/rooms/plenary/door": {"#session-title": HOSTILE_TITLE},
        "/rooms/plenary/monitor": {"#session-title": HOSTILE_TITLE, "#message": HOSTILE_MESSAGE},
        "/lobby": {'article[data-room="plenary"] .now-title': HOSTILE_TITLE},
        "/rooms/plenary/control": {"#session-title": HOSTILE_TITLE, "#message": HOSTILE_MESSAGE},
        "/": {"#rooms tr:first-child td:nth-child(2) span": HOSTILE_TITLE},
    }
    for path, expected in checks.items():
        open_page(page, display.url(path))
        for selector, raw in expected.items():
            wait_text(page, selector, raw, f"{selector} on {path} to show the raw text")
            assert js(page, "return document.querySelector(arguments[0]).children.length", selector) == 0
        assert_no_injection(page)
    # The control page's session picker and previews too.
    open_page(page, display.url("/rooms/atelier/control"))
    wait_js(page, "return document.querySelectorAll('#start-session option').length === 3", "the atelier's sessions")
    open_page(page, display.url("/rooms/plenary/door?lang=ar"))
    wait_text(page, "#session-title", HOSTILE_TITLE)
    assert_no_injection(page)


def test_unknown_room(display, page):
    for kind in ("door", "monitor", "control"):
        response = requests.get(display.url(f"/rooms/ghost/{kind}"), timeout=5)
        assert response.status_code == 404, kind
        assert "ghost" in response.text
        assert 'href="/rooms/plenary/door"' in response.text and 'href="/rooms/atelier/door"' in response.text
    open_page_plain(page, display.url("/rooms/ghost/door"))
    assert "ghost" in text(page, "h1")
    assert js(page, "return [...document.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href')])") \
        == [["Plénière", "/rooms/plenary/door"], ["Atelier B", "/rooms/atelier/door"]]
    # A room id with markup is escaped too.
    hostile = urllib.parse.quote('<img src=x onerror="window.__xss=1">', safe="")
    assert requests.get(display.url(f"/rooms/{hostile}/door"), timeout=5).status_code == 404
    open_page_plain(page, display.url(f"/rooms/{hostile}/door"))
    assert urllib.parse.unquote(hostile) in text(page, "h1")  # the markup shown as text, never run
    assert_no_injection(page)
    assert requests.get(display.url("/rooms/plenary/door"), timeout=5).status_code == 200


def open_page_plain(driver, url):
    driver.get(url)
    wait_js(driver, "return document.readyState === 'complete'", f"{url} to load")


def test_room_full_from_the_control_page_and_the_cli_shows_on_the_door_and_the_lobby(podiumd, display, page):
    open_page(page, display.url("/rooms/plenary/control"))
    assert js(page, "return document.getElementById('room-full').getAttribute('aria-pressed')") == "false"
    assert text(page, "#room-full") == "Salle complète"
    click_command(page, "#room-full")
    assert room_status(podiumd, "plenary")["state"]["full"] is True
    wait_js(page, "return document.getElementById('room-full').getAttribute('aria-pressed') === 'true'", "pressed")

    open_page(page, display.url("/rooms/plenary/door?lang=ar"))
    wait_shown(page, "#full-banner")
    assert text(page, "#full-banner") == "القاعة ممتلئة"
    open_page(page, display.url("/lobby"))
    wait_text(page, '.room-card[data-room="plenary"] .full-badge', "Salle complète")
    assert not shown(page, '.room-card[data-room="atelier"] .full-badge')

    podiumd.cli("room-full", "plenary", "--off")
    assert room_status(podiumd, "plenary")["state"]["full"] is False
    wait_js(page, "return !document.querySelector('.room-card[data-room=\"plenary\"] .full-badge')", "the badge gone")
    open_page(page, display.url("/rooms/plenary/door"))
    wait_text(page, "#room-name", "Plénière")
    assert not shown(page, "#full-banner")


def test_control_page_buttons(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/control"))
    before = countdown_at(page)
    assert room_status(podiumd, "plenary")["state"]["timer"]["added"] == 0

    click_command(page, 'button[data-command="addTime"][data-seconds="60"]')
    assert room_status(podiumd, "plenary")["state"]["timer"]["added"] == 60
    wait_until(lambda: countdown_at(page) > before + 50, WAIT, "the countdown to gain a minute")

    click_command(page, 'button[data-command="pause"]')
    wait_shown(page, "#paused")
    assert room_status(podiumd, "plenary")["current"]["paused"]
    _, code, message = click_command(page, 'button[data-command="pause"]', "error")
    assert code == "not_allowed_in_state" and message.startswith("Erreur")
    _, code, _ = click_command(page, 'button[data-command="start"]', "error")
    assert code == "not_allowed_in_state"
    assert has_class(page, 'button[data-command="start"]', "inapplicable")

    click_command(page, 'button[data-command="resume"]')
    wait_shown(page, "#paused", False)
    click_command(page, 'button[data-command="addTime"][data-seconds="-60"]')
    assert room_status(podiumd, "plenary")["state"]["timer"]["added"] == 0

    # The thresholds form (minutes) and the message form.
    for field, minutes in (("#warning-minutes", "25"), ("#danger-minutes", "10")):
        box = page.find_element("css selector", field)
        box.clear()
        box.send_keys(minutes)
    click_command(page, '#thresholds-form button[type="submit"]')
    assert room_status(podiumd, "plenary")["thresholds"] == {"warning": 1500, "danger": 600}
    wait_text(page, "#phase", "alerte")
    page.find_element("css selector", 'button[data-preset="presetWrap"]').click()
    assert page.find_element("css selector", "#message-text").get_attribute("value") == "يرجى الاختتام"  # floor: ar
    click_command(page, '#message-form button[type="submit"]')
    assert room_status(podiumd, "plenary")["message"]["text"] == "يرجى الاختتام"
    wait_text(page, "#message", "يرجى الاختتام")

    click_command(page, 'button[data-command="end"]')
    assert "current" not in room_status(podiumd, "plenary")
    wait_shown(page, "#no-session")
    _, code, _ = click_command(page, 'button[data-command="addTime"][data-seconds="60"]', "error")
    assert code == "not_allowed_in_state"


def test_two_operators_see_each_other(podiumd, display, page):
    podiumd.cli("start", "plenary")
    url = display.url("/rooms/plenary/control")
    first = page.current_window_handle
    open_page(page, url)
    countdown_at(page)
    page.switch_to.new_window("window")
    second = page.current_window_handle
    open_page(page, url)
    countdown_at(page)

    page.switch_to.window(first)
    click_command(page, 'button[data-command="pause"]')
    page.switch_to.window(second)
    wait_shown(page, "#paused")
    click_command(page, 'button[data-command="resume"]')
    page.switch_to.window(first)
    wait_shown(page, "#paused", False)

    box = page.find_element("css selector", "#message-text")
    box.clear()
    box.send_keys("Deux minutes, s’il vous plaît")
    click_command(page, '#message-form button[type="submit"]')
    page.switch_to.window(second)
    wait_text(page, "#message", "Deux minutes, s’il vous plaît")
    before = countdown_at(page)
    click_command(page, 'button[data-command="addTime"][data-seconds="60"]')
    page.switch_to.window(first)
    wait_until(lambda: countdown_at(page) > before + 50, WAIT, "the other operator's minute")


def screens_named(display, name):
    return [s for s in requests.get(display.url("/api/screens"), timeout=5).json() if s["name"] == name]


def test_connected_screens_and_identify(podiumd, display, page):
    name = "Porte nord — <b>1</b>"
    door = page.current_window_handle
    open_page(page, display.url("/rooms/plenary/door?name=" + urllib.parse.quote(name)))
    screen = wait_until(lambda: [s for s in screens_named(display, name) if s["connected"]], WAIT,
                        "the door in /api/screens")[0]
    assert (screen["room"], screen["kind"]) == ("plenary", "door")

    response = requests.post(display.url(f"/api/screens/{screen['id']}/identify"), json={}, timeout=5)
    assert response.status_code == 200 and response.json() == {"identified": name}
    wait_shown(page, "#identify")
    assert text(page, "#identify") == name
    assert_no_injection(page)
    assert requests.post(display.url("/api/screens/nope/identify"), json={}, timeout=5).status_code == 404

    # From the control page: the door is listed, and its button identifies it.
    page.switch_to.new_window("window")
    open_page(page, display.url("/rooms/plenary/control"))
    row = f'#screens tr[data-screen="{screen["id"]}"]'
    wait_text(page, f"{row} td:first-child", name)
    assert "connecté" in text(page, row)
    assert_no_injection(page)
    page.switch_to.window(door)
    js(page, "document.getElementById('identify') && document.getElementById('identify').remove()")
    control = [h for h in page.window_handles if h != door][0]
    page.switch_to.window(control)
    click_command(page, f"{row} button")
    page.switch_to.window(door)
    wait_shown(page, "#identify")
    assert text(page, "#identify") == name

    # A closed screen stays listed, disconnected.
    page.switch_to.window(control)
    page.get("about:blank")
    page.switch_to.window(door)
    page.get("about:blank")
    wait_until(lambda: not screens_named(display, name)[0]["connected"], WAIT, "the door to be listed as gone")


def test_identify_a_screen_named_with_a_tab(podiumd, display, page):
    name = "Porte\tsud"
    open_page(page, display.url("/rooms/plenary/door?name=" + urllib.parse.quote(name)))
    screen = wait_until(lambda: screens_named(display, name), WAIT, "the door in /api/screens")[0]
    assert requests.post(display.url(f"/api/screens/{screen['id']}/identify"), json={}, timeout=5).status_code == 200
    wait_shown(page, "#identify", timeout=3)


def test_daemon_killed_and_restarted(podiumd, display, page):
    podiumd.cli("start", "plenary")
    open_page(page, display.url("/rooms/plenary/door"))
    wait_text(page, "#session-title", "Séance d’ouverture 2026")
    countdown_at(page)
    js(page, "window.__samePage = true")
    assert not shown(page, "#reconnecting")

    podiumd.kill()
    wait_shown(page, "#reconnecting", timeout=RECONNECT_WAIT)
    assert text(page, "#reconnecting") == "Reconnexion…"
    assert text(page, "#session-title") == "Séance d’ouverture 2026"  # the last known state…
    assert_counts(page)                                              # …still counting

    podiumd.start()
    podiumd.cli("add-time", "plenary", "+5m")
    wait_until(lambda: countdown_at(page) > 24 * 60, RECONNECT_WAIT, "the time added after the restart")
    wait_shown(page, "#reconnecting", False, timeout=RECONNECT_WAIT)
    assert js(page, "return window.__samePage") is True  # no reload
    assert_counts(page)


def test_reload_while_the_daemon_is_down_shows_the_last_known_state(podiumd, display, page):
    podiumd.cli("start", "plenary")
    podiumd.cli("message", "plenary", "Merci")
    open_page(page, display.url("/rooms/plenary/monitor"))
    wait_text(page, "#message", "Merci")
    countdown_at(page)
    podiumd.kill()
    wait_shown(page, "#reconnecting", timeout=RECONNECT_WAIT)
    cached = json.loads(js(page, "return localStorage.getItem('podium.state.room.plenary')"))
    assert cached["rooms"]["plenary"]["current"]["session"]["id"] == "opening"

    page.refresh()
    wait_js(page, "return document.readyState === 'complete' && !!window.Podium", "the reload")
    wait_text(page, "#session-title", "Séance d’ouverture 2026")
    assert text(page, "#message") == "Merci"
    wait_shown(page, "#reconnecting", timeout=RECONNECT_WAIT)
    assert_counts(page)

    podiumd.start()
    wait_shown(page, "#reconnecting", False, timeout=RECONNECT_WAIT)
    assert text(page, "#session-title") == "Séance d’ouverture 2026"


# ---------------------------------------------------------------- screenshots

SCREENS = {
    "door": ("/rooms/plenary/door", "#time-left"),
    "monitor": ("/rooms/plenary/monitor", "#time-left"),
    "lobby": ("/lobby", 'article[data-room="plenary"] .time-left'),
    "control": ("/rooms/plenary/control", "#time-left"),
    "index": ("/", "#rooms a"),
}


def screenshot(driver, url, ready_selector, path, width, height):
    emulate(driver, width, height)
    open_page(driver, url)
    wait_text(driver, ready_selector, lambda value: value != "", f"{ready_selector} on {url}")
    wait_js(driver, "return document.fonts.status === 'loaded'", "the fonts")
    if "control" in url:
        wait_js(driver, "return document.querySelectorAll('#screens tr[data-screen]').length > 0", "the screens list")
    assert driver.save_screenshot(str(path)), path
    assert png_size(path) == (width, height), path


def test_screenshots_of_every_screen(podiumd, display, page):
    ARTIFACTS.mkdir(exist_ok=True)
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+3m")
    podiumd.cli("message", "plenary", "Merci de conclure", "--blink")
    podiumd.cli("set-thresholds", "plenary", "--warning", "25m", "--danger", "5m")
    saved = []
    for lang in ("fr", "ar"):
        for name, (path, ready) in SCREENS.items():
            target = ARTIFACTS / f"room-display-{name}-{lang}.png"
            screenshot(page, display.url(f"{path}?lang={lang}&name=screenshot-{name}"), ready, target, 1920, 1080)
            saved.append(target)
            assert js(page, "return document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        target = ARTIFACTS / f"room-display-door-portrait-{lang}.png"
        screenshot(page, display.url(f"/rooms/plenary/door?lang={lang}"), "#time-left", target, 1080, 1920)
        assert js(page, "return matchMedia('(orientation: portrait)').matches") is True
        saved.append(target)
    assert all(path.stat().st_size > 10_000 for path in saved)
