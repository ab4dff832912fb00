"""The booth timer plugin (plugins/booth-timer) in a real headless Chromium.

A real podiumd (a conference with interpretation booths and teams), a real podium-booth
following it, and the pages it serves: the booth console (/rooms/:room/booths/:booth),
the chief interpreter's view (/chief) and the index (/). Commands go through the pages'
buttons and forms wherever a person would use them; assertions are on the DOM and on
the daemon's own state (a snapshot). Screenshots in artifacts/booth-*.png.

One Chromium per module; a fresh daemon and plugin per test. Waits are conditions with
deadlines; the only sleeps measure that a countdown moves.
"""
import json
import re
import time
from datetime import datetime, timedelta, timezone

import pytest
import requests
from conftest import REPO, BoothTimer, Podiumd, instant, wait_until
import pages
from pages import (clear_result, countdown_at, has_class, js, room_status, shown, text, wait_class,
                   wait_js, wait_shown, wait_text)

ARTIFACTS = REPO / "artifacts"
MINUS = "\u2212"
WAIT = 10  # seconds, for what a page shows after a command
RECONNECT_WAIT = 30
HOSTILE = '<img src=x onerror="window.__xss=1"><b>Ralentissez</b> & <script>window.__xss=2</script>'


# ---------------------------------------------------------------- the conference

def write_booth_conference(path, now=None, working_conditions=None):
    """Two rooms, to the second (UTC), with the plenary's opening starting now:

    plenary: ar booth (channel 1, from fr/en, retour, 3 interpreters), fr booth (2, from ar/en),
             en booth (3, from fr only: relay when the floor speaks Arabic); opening now … now+20m,
             speakers Amina Benali (ar) then Jean Dupont (fr)
    atelier: one fr booth (from en only) with one interpreter; workshop now … now+60m, in Arabic:
             the booth has no source, and works alone (maxSolo 1 s): two alerts once it starts
    """
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    conditions = {"maxSolo": "0:00:01"}
    conditions.update(working_conditions or {})
    rules = ", ".join(f'{key}: "{value}"' for key, value in conditions.items())
    path.write_text(f"""\
conference:
  id: pytest-booth
  name: Pytest conference
  names: {{ar: مؤتمر الاختبار}}
  timeZone: Europe/Paris
  workingConditions: {{{rules}}}
  languages:
    - {{code: ar, name: العربية}}
    - {{code: fr, name: Français}}
    - {{code: en, name: English}}
rooms:
  - id: plenary
    name: Plénière
    names: {{ar: القاعة الكبرى, en: Plenary}}
    booths:
      - id: ar
        language: ar
        channel: 1
        from: [fr, en]
        retour: true
        interpreters:
          - {{id: amina, name: أمينة بنعلي}}
          - {{id: samir, name: سمير الحداد}}
          - {{id: rajae, name: رجاء المكي}}
      - id: fr
        language: fr
        channel: 2
        from: [ar, en]
        interpreters:
          - {{id: veronique, name: Véronique Lemaire}}
          - {{id: pierre, name: Pierre Girard}}
      - id: en
        language: en
        channel: 3
        from: [fr]
        interpreters:
          - {{id: helen, name: Helen Ashby}}
          - {{id: mark, name: Mark Sutton}}
  - id: atelier
    name: Atelier B
    booths:
      - id: fr
        language: fr
        channel: 1
        from: [en]
        interpreters:
          - {{id: agnes, name: Agnès Morel}}
sessions:
  - id: opening
    room: plenary
    title: Séance d’ouverture
    start: {at(0)}
    end: {at(20)}
    speakers:
      - {{name: Amina Benali, language: ar}}
      - {{name: Jean Dupont, language: fr}}
  - id: workshop
    room: atelier
    title: Atelier d’interprétation
    start: {at(0)}
    duration: 1h
    language: ar
""", encoding="utf-8")
    return path


@pytest.fixture
def conference_file(tmp_path):
    """This module's daemons load the booth conference."""
    return write_booth_conference(tmp_path / "conference.yaml")


IGNORED_LOG = re.compile(r"favicon\.ico|/rooms/[^ ]*/booths/[^ ]* - Failed to load resource|net::ERR_|EventSource|/live|"
                         r"/api/rooms/[^ ]*/commands - Failed to load resource")


@pytest.fixture
def page(browser):
    """The module's browser, left clean for the next test: one window, no emulation, no page.
    Fails the test on a JavaScript error or a CSP violation logged by a page."""
    browser.get_log("browser")
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

def texts(driver, selector):
    return js(driver, "return [...document.querySelectorAll(arguments[0])].map(n => n.textContent)", selector)


def attrs(driver, selector, name):
    return js(driver, "return [...document.querySelectorAll(arguments[0])].map(n => n.getAttribute(arguments[1]))",
              selector, name)


def turn_classes(driver, selector="body"):
    return [c for c in js(driver, "return [...document.querySelector(arguments[0]).classList]", selector)
            if c.startswith("turn-")]


def open_page(driver, url):
    pages.open_page(driver, url, ready="!!window.Podium && !!window.PodiumBooth")


def click(driver, selector):
    driver.find_element("css selector", selector).click()


def assert_counts(driver, selector, down=True):
    """The count moves with the clock: two reads 1.5 s apart differ by 1–2 s."""
    first = countdown_at(driver, selector)
    time.sleep(1.5)  # the measured interval, not a wait for a condition
    second = countdown_at(driver, selector)
    moved = first - second if down else second - first
    assert 1 <= moved <= 2, f"{selector}: {first} then {second} 1.5 s later"
    return second


def assert_no_injection(driver):
    """Data went through textContent: no element made from it, no script run."""
    found = js(driver, """return {
        xss: window.__xss === undefined ? null : window.__xss,
        made: document.querySelectorAll('b, img[src="x"], script:not([src])').length };""")
    assert found == {"xss": None, "made": 0}, found


def wait_result(driver, expected="ok", what="a command"):
    """Waits for #result to say ok or error; returns [kind, data-code, text]."""
    outcome = wait_js(driver, """var r = document.getElementById('result');
        return (r.classList.contains('ok') || r.classList.contains('error'))
            && [r.classList.contains('ok') ? 'ok' : 'error', r.getAttribute('data-code'), r.textContent];""",
                      f"a result for {what}")
    assert outcome[0] == expected, outcome
    return outcome


def press(driver, selector, expected="ok"):
    """Clicks a command button and waits for its result."""
    clear_result(driver)
    click(driver, selector)
    return wait_result(driver, expected, selector)


def booth_status(podiumd, room, booth):
    return next(b for b in room_status(podiumd, room)["interpretation"]["booths"] if b["booth"] == booth)


def epoch(instant):
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp()


def turn_phase_now(booth):
    """A booth's turn phase now, from its published value as docs/PROTOCOL.md §10 says (values are exact at asOf)."""
    if "turnEndsAt" not in booth:
        return "idle"
    left = epoch(booth["turnEndsAt"]) - time.time()
    return "overdue" if left < 0 else "handover" if left <= 60 else "running"


def alerts_now(status):
    """The alerts crossed now: those crossed at asOf, and those to come whose instant has passed (§10)."""
    interpretation = status["interpretation"]
    return interpretation["alerts"] + [a for a in interpretation.get("upcomingAlerts", [])
                                       if epoch(a["since"]) <= time.time()]


def wait_booth(podiumd, room, booth, predicate, what):
    """Waits until predicate(the daemon's booth status) holds; returns that status."""
    last = []

    def ready():
        value = booth_status(podiumd, room, booth)
        last[:] = [value]
        return predicate(value)
    try:
        wait_until(ready, WAIT, what, interval=0.1)
    except BaseException:
        print(f"last status of {room}/{booth}: {json.dumps(last, ensure_ascii=False)}")
        raise
    return last[0]


def on_mic(status):
    return (status.get("onMic") or {}).get("id")


def relay_node(source):
    """How a page names a relay source: "Cabine FR", or "Cabine AR (FR)" for the Arabic booth working retour.
    (In the test conference a booth's id is its language.)"""
    via = "" if source["language"] == source["booth"] else f" ({source['language'].upper()})"
    return f"Cabine {source['booth'].upper()}{via}"


def accepted(plugin, room, command, **args):
    status, reply = plugin.command(room, command, **args)
    assert status == 200 and reply.get("ok") is True, (command, args, status, reply)
    return reply


def console(booth, room="plenary", booth_id="en", lang=None):
    return booth.url(f"/rooms/{room}/booths/{booth_id}" + (f"?lang={lang}" if lang else ""))


def emulate(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def png_size(path):
    import struct
    with open(path, "rb") as image:
        header = image.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def record_posts(driver):
    """Wraps fetch so the test sees every command body the page posts, in order."""
    js(driver, """window.__posts = [];
        var original = window.fetch;
        window.fetch = function (url, options) {
            if (options && options.body) window.__posts.push(JSON.parse(options.body));
            return original.apply(this, arguments);
        };""")


def posts(driver, command):
    return [p["args"] for p in js(driver, "return window.__posts") if p["command"] == command]


# ---------------------------------------------------------------- view model (booth-common.js)

def test_turn_phase_and_back_to_floor_rules(booth, page):
    """The pure rules the pages count with, at hand-made instants."""
    open_page(page, booth.url("/"))
    t0 = 1_800_000_000_000  # ms
    iso = lambda ms: datetime.fromtimestamp(ms / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"  # noqa: E731
    turn = {"onMic": {"id": "helen", "name": "Helen Ashby"}, "turnStartedAt": iso(t0), "turnEndsAt": iso(t0 + 1_800_000),
            "turnLength": 1800, "turnPhase": "running"}
    phase = lambda value, now: js(page, "return PodiumBooth.turnPhase(arguments[0], arguments[1])", value, now)  # noqa: E731
    expected = {0: "running", 1_739_000: "running", 1_740_000: "handover", 1_799_999: "handover",
                1_800_000: "handover", 1_800_001: "overdue", 2_400_000: "overdue"}
    assert {offset: phase(turn, t0 + offset) for offset in expected} == expected
    assert phase({"turnPhase": "idle"}, t0) == "idle"
    assert phase(dict(turn, onMic=None), t0) == "idle"
    assert js(page, "return PodiumBooth.turnLeft(arguments[0], arguments[1])", turn, t0 + 1_000_000) == 800
    assert js(page, "return PodiumBooth.turnElapsed(arguments[0], arguments[1])", turn, t0 + 65_000) == 65
    assert js(page, "return PodiumBooth.formatElapsed(65.7)") == "1:05"
    back = {"backToFloorAt": iso(t0)}
    shows = lambda now: js(page, "return PodiumBooth.backToFloor(arguments[0], arguments[1])", back, now)  # noqa: E731
    assert [shows(t0), shows(t0 + 59_000), shows(t0 + 60_000), shows(t0 + 600_000)] == [True, True, False, False]
    assert js(page, "return PodiumBooth.backToFloor({}, arguments[0])", t0) is False


# ---------------------------------------------------------------- booth console

def test_an_idle_floor_is_neutral_and_an_unknown_speaker_language_is_said(podiumd, booth, page):
    # Nothing started in the atelier: nobody speaks, no floor language. Neutral, not the alarm.
    open_page(page, console(booth, room="atelier", booth_id="fr"))
    wait_js(page, "return document.getElementById('source').getAttribute('data-kind') === 'idle'", "an idle source")
    assert text(page, "#source") == "Personne ne parle"
    danger = "rgb(255, 59, 48)"  # --danger
    assert js(page, "return getComputedStyle(document.querySelector('#source .src-idle')).color") != danger
    assert js(page, "return getComputedStyle(document.getElementById('source')).color") != danger
    assert not js(page, "return !!document.querySelector('#source .src-none')")
    assert text(page, "#floor-language") == "—"
    # Once the session is on, the floor is Arabic and the booth (from en only) has no source: the alarm.
    podiumd.cli("start", "atelier")
    wait_js(page, "return document.getElementById('source').getAttribute('data-kind') === 'none'", "no source")
    assert text(page, "#source") == "Aucune source"
    assert js(page, "return getComputedStyle(document.querySelector('#source .src-none')).color") == danger
    # A speaker whose language the schedule did not give: the console says so.
    label = js(page, "return PodiumBooth.floorSourceLabel({interpretation: {floorSource: 'speakerUnknown'}})")
    assert label == "langue de l’orateur inconnue : à fixer par le chef"


def test_console_take_mic_countdown_and_mic_off(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    assert text(page, "#booth-name") == "Anglais"  # the booth's language, named in the page's
    assert text(page, "#booth-channel") == "Canal 3"
    wait_text(page, "#on-mic", "Micro fermé")
    assert turn_classes(page) == ["turn-idle"]
    assert text(page, "#turn-left") == "—"
    wait_js(page, "return document.querySelectorAll('#take-buttons button').length === 2", "one take button per member")
    assert attrs(page, "#take-buttons button", "data-interpreter") == ["helen", "mark"]
    assert texts(page, "#take-buttons button .who") == ["Helen Ashby", "Mark Sutton"]
    assert not shown(page, "#handover-row")
    assert re.fullmatch(r"\d\d:\d\d:\d\d", text(page, "#clock"))
    # The session's speaker and the speaker's time left.
    wait_text(page, "#speaker", "Amina Benali")
    assert 19 * 60 <= countdown_at(page, "#speaker-left") <= 20 * 60

    press(page, '#take-buttons button[data-interpreter="helen"]')
    assert on_mic(booth_status(podiumd, "plenary", "en")) == "helen"
    wait_text(page, "#on-mic", "Helen Ashby")
    left = countdown_at(page, "#turn-left")
    assert 30 * 60 - 10 <= left <= 30 * 60, left  # the default turn: 30 min
    assert re.fullmatch(r"\d+:\d\d", text(page, "#turn-left"))
    wait_class(page, "body", "turn-running")
    assert turn_classes(page) == ["turn-running"]
    assert text(page, "#turn-phase") == "en cours"
    assert not shown(page, "#turn-alert")
    assert_counts(page, "#turn-left")
    assert 1 <= countdown_at(page, "#turn-elapsed") <= 15
    assert js(page, "return document.querySelector('#take-buttons [data-interpreter=helen]').getAttribute('aria-pressed')") == "true"
    wait_shown(page, "#handover-row")
    assert attrs(page, "#handover-buttons button", "data-to") == ["mark"]

    # A direct take ends the partner's turn.
    press(page, '#take-buttons button[data-interpreter="mark"]')
    assert on_mic(booth_status(podiumd, "plenary", "en")) == "mark"
    wait_text(page, "#on-mic", "Mark Sutton")
    assert countdown_at(page, "#turn-left") >= 30 * 60 - 10  # a fresh turn
    assert attrs(page, "#handover-buttons button", "data-to") == ["helen"]

    press(page, "#mic-off")
    assert on_mic(booth_status(podiumd, "plenary", "en")) is None
    wait_text(page, "#on-mic", "Micro fermé")
    wait_class(page, "body", "turn-idle")
    assert text(page, "#turn-left") == "—"
    assert not shown(page, "#handover-row")
    assert_no_injection(page)


def test_handover_request_then_accept(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    press(page, '#take-buttons button[data-interpreter="helen"]')
    wait_shown(page, '#handover-buttons button[data-to="mark"]')
    assert not shown(page, "#handover-request")

    press(page, '#handover-buttons button[data-to="mark"]')
    status = booth_status(podiumd, "plenary", "en")
    assert (status["handover"]["from"], status["handover"]["to"]) == ("helen", "mark")
    assert on_mic(status) == "helen"  # asking changes nothing yet
    wait_shown(page, "#handover-request")
    assert (text(page, "#handover-from"), text(page, "#handover-to")) == ("Helen Ashby", "Mark Sutton")
    assert text(page, "#accept-name") == "Mark Sutton"
    wait_class(page, '#handover-buttons button[data-to="mark"]', "asked")

    press(page, "#accept-handover")
    status = booth_status(podiumd, "plenary", "en")
    assert on_mic(status) == "mark" and not status.get("handover")
    wait_text(page, "#on-mic", "Mark Sutton")
    wait_shown(page, "#handover-request", False)
    assert countdown_at(page, "#turn-left") >= 30 * 60 - 10


def test_a_refused_command_shows_a_visible_error(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    press(page, '#take-buttons button[data-interpreter="helen"]')
    wait_shown(page, '#handover-buttons button[data-to="mark"]')
    # A handover to someone outside the team (a stale button): the daemon refuses, the page says so.
    js(page, "document.querySelector('#handover-buttons button[data-to=mark]').setAttribute('data-to', 'nobody')")
    _, code, message = press(page, '#handover-buttons button[data-to="nobody"]', "error")
    assert code == "invalid_argument", (code, message)
    assert message.startswith("Erreur — Demande de relais") and "nobody" in message, message
    assert shown(page, "#result")
    assert js(page, "return getComputedStyle(document.getElementById('result')).color") != \
        js(page, "return getComputedStyle(document.body).color")
    assert not booth_status(podiumd, "plenary", "en").get("handover")
    # Accepting with no request pending (a stale button) is refused too.
    clear_result(page)
    js(page, "document.getElementById('accept-handover').click()")
    _, code, _ = wait_result(page, "error", "accept without a request")
    assert code == "not_allowed_in_state"


def test_cough_is_muted_while_held(podiumd, booth, page):
    from selenium.webdriver.common.action_chains import ActionChains

    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    press(page, '#take-buttons button[data-interpreter="helen"]')
    wait_text(page, "#on-mic", "Helen Ashby")
    record_posts(page)
    button = page.find_element("css selector", "#cough")
    ActionChains(page).click_and_hold(button).perform()
    wait_shown(page, "#muted")
    assert booth_status(podiumd, "plenary", "en")["muted"] is True
    assert has_class(page, "body", "muted")
    assert text(page, "#muted") == "MICRO COUPÉ (TOUX)"
    assert posts(page, "cough") == [{"booth": "en", "muted": True}]
    ActionChains(page).release().perform()
    wait_shown(page, "#muted", False)
    wait_booth(podiumd, "plenary", "en", lambda s: s["muted"] is False, "the cough to be released")
    assert posts(page, "cough") == [{"booth": "en", "muted": True}, {"booth": "en", "muted": False}]
    assert on_mic(booth_status(podiumd, "plenary", "en")) == "helen"  # a cough is not a mic off

    # Leaving the button while holding it releases too.
    ActionChains(page).click_and_hold(button).perform()
    wait_shown(page, "#muted")
    ActionChains(page).move_to_element(page.find_element("css selector", "#speaker")).release().perform()
    wait_shown(page, "#muted", False)
    assert [p["muted"] for p in posts(page, "cough")] == [True, False, True, False]


def test_slow_down_toggles_and_the_chief_clears_it(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    assert js(page, "return document.getElementById('slow-down').getAttribute('aria-pressed')") == "false"
    press(page, "#slow-down")
    assert booth_status(podiumd, "plenary", "en")["slowDown"] is True
    assert [s["booth"] for s in room_status(podiumd, "plenary")["slowDown"]] == ["en"]
    wait_js(page, "return document.getElementById('slow-down').getAttribute('aria-pressed') === 'true'", "slow down on")
    wait_shown(page, "#slow-down-flag")
    assert text(page, "#slow-down") == "Ralentir : demandé"
    press(page, "#slow-down")
    assert booth_status(podiumd, "plenary", "en")["slowDown"] is False
    wait_shown(page, "#slow-down-flag", False)
    press(page, "#slow-down")
    wait_shown(page, "#slow-down-flag")

    # The chief sees it on the booth's card and clears every request of the room.
    booth_window = page.current_window_handle
    page.switch_to.new_window("window")
    open_page(page, booth.url("/chief"))
    card = '.card[data-room="plenary"][data-booth="en"]'
    wait_shown(page, f"{card} .flag-slow")
    assert not shown(page, '.card[data-room="plenary"][data-booth="fr"] .flag-slow')
    press(page, '.room-block[data-room="plenary"] button.clear-slow')
    assert room_status(podiumd, "plenary")["slowDown"] == []
    wait_shown(page, f"{card} .flag-slow", False)
    page.switch_to.window(booth_window)
    wait_shown(page, "#slow-down-flag", False)


def test_relay_marker_and_back_to_floor(podiumd, booth, page):
    podiumd.cli("start", "plenary")  # Amina Benali speaks Arabic: the floor is ar
    assert room_status(podiumd, "plenary")["interpretation"]["floorLanguage"] == "ar"

    # The English booth does not take Arabic: relay, one step (+), in French (from the French booth,
    # or from the Arabic booth working retour into French).
    open_page(page, console(booth))
    wait_js(page, "return document.getElementById('source').getAttribute('data-kind') === 'relay'", "a relay source")
    source = booth_status(podiumd, "plenary", "en")["source"]
    assert (source["kind"], source["marker"]) == ("relay", "+")
    assert text(page, "#source-marker") == "+"
    assert js(page, "return document.getElementById('source-marker').getAttribute('data-marker')") == "+"
    assert shown(page, "#source-marker")
    assert text(page, "#source .booth-node") == relay_node(source)
    assert text(page, "#floor-language") == "Arabe"
    assert text(page, "#floor-source") == "(d’après l’orateur)"
    assert not shown(page, "#back-to-floor")
    en_window = page.current_window_handle

    # The French booth takes the floor; the Arabic booth works retour into French.
    page.switch_to.new_window("window")
    other_window = page.current_window_handle
    open_page(page, console(booth, booth_id="fr"))
    wait_js(page, "return document.getElementById('source').getAttribute('data-kind') === 'floor'", "the floor source")
    assert text(page, "#source") == "Salle AR"
    assert not shown(page, "#source-marker")
    open_page(page, console(booth, booth_id="ar"))
    wait_text(page, "#output", "Français")
    assert "retour" in text(page, "#source") and "Salle AR" in text(page, "#source")

    # The chief sets the floor to French: the English booth can take it, and is told to go back to the floor.
    open_page(page, booth.url("/chief"))
    select = '.room-block[data-room="plenary"] select.floor-select'
    wait_js(page, f"return document.querySelectorAll('{select} option').length === 4", "the floor choices")
    assert attrs(page, f"{select} option", "value") == ["", "ar", "fr", "en"]
    assert js(page, f"return document.querySelector('{select}').value") == ""
    clear_result(page)
    from selenium.webdriver.support.ui import Select
    Select(page.find_element("css selector", select)).select_by_value("fr")
    wait_result(page, "ok", "setFloorLanguage")
    interpretation = room_status(podiumd, "plenary")["interpretation"]
    assert (interpretation["floorLanguage"], interpretation["floorSource"]) == ("fr", "chief")
    assert booth_status(podiumd, "plenary", "en")["backToFloorAt"]
    chain = '.room-block[data-room="plenary"] .relay-map .chain[data-booth="en"]'
    wait_text(page, chain, lambda value: value.startswith("Salle FR") and "Cabine EN" in value)

    page.switch_to.window(en_window)
    wait_shown(page, "#back-to-floor")
    assert text(page, "#back-to-floor").split() == ["RETOUR", "À", "LA", "SALLE", "FR"]
    assert js(page, "return document.getElementById('source').getAttribute('data-kind')") == "floor"
    assert text(page, "#source") == "Salle FR"
    assert text(page, "#floor-source") == "(fixée par le chef)"

    # Back to following the speaker (null): Arabic again, relay again.
    page.switch_to.window(other_window)
    clear_result(page)
    Select(page.find_element("css selector", select)).select_by_value("")
    wait_result(page, "ok", "setFloorLanguage null")
    interpretation = room_status(podiumd, "plenary")["interpretation"]
    assert (interpretation["floorLanguage"], interpretation["floorSource"]) == ("ar", "speaker")
    page.switch_to.window(en_window)
    wait_js(page, "return document.getElementById('source').getAttribute('data-kind') === 'relay'", "relay again")
    assert text(page, "#source-marker") == "+"


def test_messages_between_chief_and_booth_show_markup_as_text(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, console(booth))
    wait_text(page, "#room-name", "Plénière")
    assert shown(page, "#no-messages")
    booth_window = page.current_window_handle

    page.switch_to.new_window("window")
    open_page(page, booth.url("/chief"))
    card = '.card[data-room="plenary"][data-booth="en"]'
    wait_shown(page, card)
    page.find_element("css selector", f"{card} input.message-text").send_keys(HOSTILE)
    press(page, f"{card} form.message-form button[type=submit]")
    last = booth_status(podiumd, "plenary", "en")["messages"][-1]
    assert (last["from"], last["text"]) == ("chief", HOSTILE)
    assert page.find_element("css selector", f"{card} input.message-text").get_attribute("value") == ""
    wait_text(page, f"{card} .messages li:first-child .msg-text", HOSTILE)
    assert_no_injection(page)

    chief_window = page.current_window_handle
    page.switch_to.window(booth_window)
    wait_text(page, "#messages li:first-child .msg-text", HOSTILE)
    assert has_class(page, "#messages li:first-child", "from-chief")
    assert text(page, "#messages li:first-child .msg-from") == "Chef"
    assert js(page, "return document.querySelector('#messages li:first-child .msg-text').children.length") == 0
    assert re.fullmatch(r"\d\d:\d\d", text(page, "#messages li:first-child .msg-at"))
    assert has_class(page, "#messages-panel", "new-message")  # the incoming-message indicator
    assert not shown(page, "#no-messages")
    assert_no_injection(page)

    # The booth answers: newest first on both sides.
    page.find_element("css selector", "#chief-text").send_keys("Bien reçu — مفهوم")
    press(page, "#chief-form button[type=submit]")
    assert booth_status(podiumd, "plenary", "en")["messages"][-1]["from"] == "booth"
    wait_text(page, "#messages li:first-child .msg-text", "Bien reçu — مفهوم")
    assert texts(page, "#messages .msg-text") == ["Bien reçu — مفهوم", HOSTILE]
    assert page.find_element("css selector", "#chief-text").get_attribute("value") == ""
    page.switch_to.window(chief_window)
    wait_text(page, f"{card} .messages li:first-child .msg-text", "Bien reçu — مفهوم")
    assert has_class(page, f"{card} .messages li:first-child", "from-booth")
    assert_no_injection(page)


def test_turn_phases_handover_then_overdue(tmp_path, page):
    """A 30-second turn: the last minute (handover) at once, overdue after 30 s, and a turnTooLong alert."""
    conference = write_booth_conference(tmp_path / "short.yaml", working_conditions={"turn": "0:00:30", "maxTurn": "0:00:30"})
    daemon = Podiumd(tmp_path, conference)
    server = BoothTimer(tmp_path, daemon)
    try:
        daemon.start()
        server.start()
        daemon.cli("start", "plenary")
        open_page(page, console(server))
        wait_text(page, "#room-name", "Plénière")
        press(page, '#take-buttons button[data-interpreter="helen"]')
        assert booth_status(daemon, "plenary", "en")["turnLength"] == 30
        wait_class(page, "body", "turn-handover")
        assert turn_classes(page) == ["turn-handover"]
        wait_shown(page, "#turn-alert")
        assert text(page, "#turn-alert") == "PASSEZ LE RELAIS"
        assert 0 < countdown_at(page, "#turn-left") <= 30
        assert js(page, "return getComputedStyle(document.getElementById('turn-left')).color") == "rgb(255, 176, 32)"

        wait_class(page, "body", "turn-overdue", timeout=40)
        assert turn_classes(page) == ["turn-overdue"]
        wait_text(page, "#turn-left", lambda value: value.startswith(MINUS), "a negative count")
        assert text(page, "#turn-alert") == "TOUR DÉPASSÉ"
        assert_counts(page, "#turn-left")  # −0:01, −0:02…: still counting
        assert turn_phase_now(booth_status(daemon, "plenary", "en")) == "overdue"

        open_page(page, server.url("/chief"))
        card = '.card[data-room="plenary"][data-booth="en"]'
        wait_class(page, card, "turn-overdue")
        alert = '#alerts li[data-rule="turnTooLong"][data-booth="en"]'
        wait_shown(page, alert)
        assert js(page, f"return document.querySelector('{alert}').getAttribute('data-interpreter')") == "helen"
        assert "Helen Ashby" in text(page, alert) and "Tour trop long" in text(page, alert)
    finally:
        server.kill()
        daemon.close()


# ---------------------------------------------------------------- chief interpreter

def test_chief_lists_every_booth_alerts_relays_and_workload(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    podiumd.cli("start", "atelier")
    accepted(booth, "plenary", "takeMic", booth="en", interpreter="helen")
    accepted(booth, "plenary", "takeMic", booth="fr", interpreter="veronique")
    open_page(page, booth.url("/chief"))
    wait_js(page, "return document.querySelectorAll('.card').length === 4", "four booth cards")
    assert js(page, "return [...document.querySelectorAll('.card')].map(c => c.dataset.room + '/' + c.dataset.booth)") \
        == ["plenary/ar", "plenary/fr", "plenary/en", "atelier/fr"]
    assert texts(page, ".room-block .room-name") == ["Plénière", "Atelier B"]
    en = '.card[data-room="plenary"][data-booth="en"]'
    assert text(page, f"{en} .channel") == "Canal 3"
    wait_text(page, f"{en} .on-mic", "Helen Ashby")
    assert has_class(page, en, "turn-running")
    assert 30 * 60 - 15 <= countdown_at(page, f"{en} .turn-left") <= 30 * 60
    assert text(page, f"{en} .source .marker") == "+"
    assert text(page, '.card[data-room="plenary"][data-booth="ar"] .on-mic') == "Micro fermé"
    assert has_class(page, '.card[data-room="plenary"][data-booth="ar"]', "turn-idle")
    assert text(page, '.room-block[data-room="plenary"] .speaker') == "Amina Benali"

    # The relay map: Arabic floor → the booth giving French → the English booth (+).
    source = booth_status(podiumd, "plenary", "en")["source"]
    assert source["kind"] == "relay" and source["language"] == "fr"
    chain = texts(page, '.room-block[data-room="plenary"] .relay-map .chain[data-booth="en"]')
    assert chain == [f"Salle AR→{relay_node(source)}→Cabine EN +"], chain

    # Alerts from every room: the atelier's booth has no source and works alone.
    def alert_keys():
        return sorted(tuple(a) for a in js(page, "return [...document.querySelectorAll('#alerts li')].map("
                                                 "li => [li.dataset.rule, li.dataset.room, li.dataset.booth])"))
    wait_until(lambda: ("soloBooth", "atelier", "fr") in alert_keys(), WAIT, "the solo booth alert")

    # The daemon's view, on this process's clock: the page draws on its estimate of the daemon's
    # clock, which may run a few milliseconds ahead of this one, so wait for the instant to pass here too.
    def daemon_alerts():
        keys = sorted((a["rule"], room, a["booth"]) for room in ("plenary", "atelier")
                      for a in alerts_now(room_status(podiumd, room)))
        return keys if ("noSource", "atelier", "fr") in keys and ("soloBooth", "atelier", "fr") in keys else None
    expected = wait_until(daemon_alerts, WAIT, "the daemon's solo booth and no-source alerts")
    wait_until(lambda: alert_keys() == expected, WAIT, f"the alerts {expected}")
    solo = '#alerts li[data-rule="soloBooth"]'
    assert "Agnès Morel" in text(page, solo) and "Atelier B" in text(page, solo)
    assert has_class(page, "#alerts-panel", "has-alerts")
    assert shown(page, '.card[data-room="atelier"][data-booth="fr"] .booth-alerts li[data-rule="noSource"]')

    # The workload: one row per interpreter and booth, as the daemon counts it.
    workload = [w for room in ("plenary", "atelier") for w in room_status(podiumd, room)["interpretation"]["workload"]]
    wait_js(page, f"return document.querySelectorAll('#workload tr').length === {len(workload)}", "the workload rows")
    helen = '#workload tr[data-interpreter="helen"]'
    assert text(page, f"{helen} td:first-child") == "Helen Ashby"
    assert text(page, f"{helen} .turns") == "1"
    assert text(page, f"{helen} td:nth-child(2)") == "Plénière · EN"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", text(page, f"{helen} .day"))
    assert text(page, '#workload tr[data-interpreter="mark"] .turns') == "0"
    assert_no_injection(page)


def test_chief_assigns_a_team_and_a_turn_length(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    open_page(page, booth.url("/chief"))
    en = '.card[data-room="plenary"][data-booth="en"]'
    wait_js(page, f"return document.querySelectorAll('{en} .team-form input[type=checkbox]').length === 2", "the en team")
    assert js(page, f"return [...document.querySelectorAll('{en} .team-form input')].map(i => [i.value, i.checked])") \
        == [["helen", True], ["mark", True]]
    assert texts(page, f"{en} .team-form label span") == ["Helen Ashby", "Mark Sutton"]
    wait_js(page, f"return document.querySelector('{en} input.turn-length').value === '30'", "the turn length")

    click(page, f'{en} .team-form input[value="mark"]')
    press(page, f"{en} .team-form button[type=submit]")
    assert [m["id"] for m in booth_status(podiumd, "plenary", "en")["team"]] == ["helen"]
    wait_js(page, f"return !document.querySelector('{en} .team-form').hasAttribute('data-dirty')", "the form to settle")
    assert js(page, f"return [...document.querySelectorAll('{en} .team-form input')].map(i => i.checked)") == [True, False]

    box = page.find_element("css selector", f"{en} input.turn-length")
    box.clear()
    box.send_keys("20")
    press(page, f"{en} .length-form button[type=submit]")
    assert booth_status(podiumd, "plenary", "en")["turnLength"] == 1200
    wait_js(page, f"return !document.querySelector('{en} .length-form').hasAttribute('data-dirty')", "the form to settle")
    # Too short a turn: the daemon's refusal shows.
    js(page, f"document.querySelector('{en} input.turn-length').removeAttribute('min')")  # past the browser's check
    box.clear()
    box.send_keys("3")
    assert box.get_attribute("value") == "3"
    _, code, message = press(page, f"{en} .length-form button[type=submit]", "error")
    assert code == "invalid_argument" and message.startswith("Erreur — Durée du tour"), message
    assert booth_status(podiumd, "plenary", "en")["turnLength"] == 1200

    # The booth console shows the new team: one take button.
    page.switch_to.new_window("window")
    open_page(page, console(booth))
    wait_js(page, "return document.querySelectorAll('#take-buttons button').length === 1", "one take button")
    assert attrs(page, "#take-buttons button", "data-interpreter") == ["helen"]
    press(page, '#take-buttons button[data-interpreter="helen"]')
    assert 20 * 60 - 10 <= countdown_at(page, "#turn-left") <= 20 * 60


# ---------------------------------------------------------------- languages, index, unknown rooms

def test_arabic_pages_are_right_to_left(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    accepted(booth, "plenary", "takeMic", booth="ar", interpreter="samir")
    open_page(page, console(booth, booth_id="ar", lang="ar"))
    wait_text(page, "#on-mic", "سمير الحداد")
    assert js(page, "return [document.documentElement.dir, document.documentElement.lang, "
                    "getComputedStyle(document.body).direction]") == ["rtl", "ar", "rtl"]
    assert text(page, "h2[data-label=onMic]") == "على الميكروفون"
    assert text(page, "#mic-off") == "إغلاق الميكروفون"
    assert text(page, "#room-name") == "القاعة الكبرى"
    assert text(page, "#booth-name") == "العربية"
    assert js(page, "var n = document.getElementById('on-mic'); return [n.getAttribute('dir'), getComputedStyle(n).direction]") \
        == ["auto", "rtl"]
    assert texts(page, "#take-buttons .who") == ["أمينة بنعلي", "سمير الحداد", "رجاء المكي"]
    assert attrs(page, "#take-buttons .who", "dir") == ["auto"] * 3
    assert re.fullmatch(r"[0-9]{2}:[0-9]{2}:[0-9]{2}", text(page, "#clock"))  # Western digits
    assert re.fullmatch(r"[0-9]+:[0-9]{2}", text(page, "#turn-left"))
    assert js(page, "return getComputedStyle(document.getElementById('turn-left')).direction") == "ltr"
    # A French name on an Arabic page keeps its own direction.
    open_page(page, console(booth, booth_id="fr", lang="ar"))
    wait_js(page, "return document.querySelectorAll('#take-buttons .who').length === 2", "the fr team")
    assert js(page, "var n = document.querySelector('#take-buttons .who'); "
                    "return [n.textContent, getComputedStyle(n).direction]") == ["Véronique Lemaire", "ltr"]
    for path in ("/chief?lang=ar", "/?lang=ar"):
        open_page(page, booth.url(path))
        assert js(page, "return [document.documentElement.dir, getComputedStyle(document.body).direction]") \
            == ["rtl", "rtl"], path
    wait_js(page, "return document.querySelectorAll('#rooms a[data-booth]').length === 4", "the index's links")
    assert text(page, "h1 [data-label=boothTimer]") == "توقيت مقصورات الترجمة"


def test_index_links_every_booth_console_and_the_chief(podiumd, booth, page):
    open_page(page, booth.url("/?lang=en"))
    wait_js(page, "return document.querySelectorAll('#rooms a[data-booth]').length === 4", "links to four consoles")
    assert attrs(page, "#rooms a[data-booth]", "href") == [
        "/rooms/plenary/booths/ar?lang=en", "/rooms/plenary/booths/fr?lang=en", "/rooms/plenary/booths/en?lang=en",
        "/rooms/atelier/booths/fr?lang=en"]
    assert texts(page, "#rooms section h2 span") == ["Plenary", "Atelier B"]
    assert js(page, "return document.getElementById('chief-link').getAttribute('href')") == "/chief?lang=en"
    assert text(page, "#chief-link") == "Chief interpreter view"
    assert text(page, "#conference-name") == "Pytest conference"
    click(page, '#rooms a[href="/rooms/atelier/booths/fr?lang=en"]')
    wait_until(lambda: page.current_url.endswith("/rooms/atelier/booths/fr?lang=en"), WAIT, "the console to open")
    wait_js(page, "return !!window.PodiumBooth", "the console")
    wait_text(page, "#room-name", "Atelier B")
    assert text(page, "[data-label=onMic]") == "On mic"


def test_unknown_room_and_unknown_booth(podiumd, booth, page):
    response = requests.get(booth.url("/rooms/ghost/booths/en"), timeout=5)
    assert response.status_code == 404
    assert "ghost" in response.text
    assert "Plénière" in response.text and "Atelier B" in response.text  # the rooms there are
    hostile = "%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D1%22%3E"
    assert requests.get(booth.url(f"/rooms/{hostile}/booths/en"), timeout=5).status_code == 404
    page.get(booth.url(f"/rooms/{hostile}/booths/en"))
    wait_js(page, "return document.readyState === 'complete'", "the 404 page")
    assert '<img src=x onerror="window.__xss=1">' in text(page, "h1")
    assert_no_injection(page)

    # A known room, an unknown booth: a 404 page that links the room's booths.
    response = requests.get(booth.url("/rooms/plenary/booths/de"), timeout=5)
    assert response.status_code == 404
    assert "de" in response.text
    for booth_id in ("ar", "fr", "en"):
        assert f'href="/rooms/plenary/booths/{booth_id}' in response.text, booth_id
    page.get(booth.url("/rooms/plenary/booths/de"))
    wait_js(page, "return document.readyState === 'complete'", "the 404 page")
    assert "de" in text(page, "h1")
    assert [href.split("?")[0] for href in attrs(page, "a", "href")] == [
        "/rooms/plenary/booths/ar", "/rooms/plenary/booths/fr", "/rooms/plenary/booths/en"]
    assert requests.get(booth.url("/rooms/plenary/booths/en"), timeout=5).status_code == 200


def test_daemon_killed_keeps_the_last_state_and_says_so(podiumd, booth, page):
    podiumd.cli("start", "plenary")
    accepted(booth, "plenary", "takeMic", booth="en", interpreter="helen")
    open_page(page, console(booth))
    wait_text(page, "#on-mic", "Helen Ashby")
    assert not shown(page, "#reconnecting")
    podiumd.kill()
    wait_shown(page, "#reconnecting", timeout=RECONNECT_WAIT)
    assert text(page, "#reconnecting") == "Reconnexion…"
    assert text(page, "#on-mic") == "Helen Ashby"
    assert_counts(page, "#turn-left")  # still counting on the last known turn
    podiumd.start()
    wait_shown(page, "#reconnecting", False, timeout=RECONNECT_WAIT)
    press(page, '#take-buttons button[data-interpreter="mark"]')
    wait_text(page, "#on-mic", "Mark Sutton")


# ---------------------------------------------------------------- screenshots

def screenshot(driver, url, ready, path, width, height):
    emulate(driver, width, height)
    open_page(driver, url)
    wait_js(driver, ready, f"{url} to be ready")
    wait_js(driver, "return document.fonts.status === 'loaded'", "the fonts")
    time.sleep(0.3)  # one more tick of the 200 ms loop, so the counts are drawn
    assert driver.save_screenshot(str(path)), path
    assert png_size(path) == (width, height), path


def test_screenshots(podiumd, booth, page):
    ARTIFACTS.mkdir(exist_ok=True)
    podiumd.cli("start", "plenary")
    podiumd.cli("start", "atelier")
    accepted(booth, "plenary", "takeMic", booth="en", interpreter="helen")
    accepted(booth, "plenary", "takeMic", booth="ar", interpreter="amina")
    accepted(booth, "plenary", "requestHandover", booth="ar", to="samir")
    accepted(booth, "plenary", "takeMic", booth="fr", interpreter="veronique")
    accepted(booth, "plenary", "slowDown", booth="en", active=True)
    accepted(booth, "plenary", "messageBooth", booth="en", text="Orateur suivant dans 5 min, texte en salle")
    accepted(booth, "plenary", "messageChief", booth="en", text="Merci — son faible sur le canal 3")
    accepted(booth, "atelier", "takeMic", booth="fr", interpreter="agnes")
    saved = []
    ready_console = "return /\\d:\\d\\d/.test(document.getElementById('turn-left').textContent)"
    ready_chief = "return document.querySelectorAll('.card').length === 4 && document.querySelectorAll('#alerts li').length > 0"
    for lang in ("fr", "ar"):
        shots = [
            (f"booth-console-en-{lang}.png", console(booth, lang=lang), ready_console, 1280, 800),
            (f"booth-console-ar-{lang}.png", console(booth, booth_id="ar", lang=lang), ready_console, 1280, 800),
            (f"booth-chief-{lang}.png", booth.url(f"/chief?lang={lang}"), ready_chief, 1920, 1080),
            (f"booth-index-{lang}.png", booth.url(f"/?lang={lang}"),
             "return document.querySelectorAll('#rooms a[data-booth]').length === 4", 1280, 800),
        ]
        for name, url, ready, width, height in shots:
            target = ARTIFACTS / name
            screenshot(page, url, ready, target, width, height)
            saved.append(target)
            assert js(page, "return document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    # The console on a tablet held upright.
    target = ARTIFACTS / "booth-console-en-portrait-fr.png"
    screenshot(page, console(booth), ready_console, target, 800, 1280)
    saved.append(target)
    assert all(path.stat().st_size > 10_000 for path in saved)
