"""The audience Q&A plugin (plugins/qa-moderation) in a real headless Chromium.

A real podiumd (the display conference with a per-language blocklist), a real podium-qa with a known
moderator token, and sometimes a real podium-display to see the question on screen at the door.
The audience page is driven as a phone would be; the moderators' console as a laptop; some set-ups
and cross-checks go straight to the HTTP API (each `requests.Session` is one audience device).

One Chromium per module (a second one where two moderators must not share cookies); a fresh daemon
and plugin per test. Waits are conditions with deadlines. Screenshots go to artifacts/qa-*.png.
"""
import json
import re
import struct
import urllib.parse

import pytest
import requests
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from conftest import (REPO, QuestionsPlugin, RoomDisplay, start_chromium, wait_until, write_display_conference)
import pages
from pages import clear_result, js, shown, text, wait_js, wait_shown, wait_text

ARTIFACTS = REPO / "artifacts"
ROOM = "plenary"
WAIT = 10  # seconds, for what a page shows after an update (the feed batches ~4 times a second)
HOSTILE_IMG = '<img src=x onerror="window.pwned=1">'
HOSTILE_SCRIPT = "<script>window.pwned=1</script>"
HOSTILE_NAME = '<b onmouseover="window.pwned=1">Karim</b>'
BLOCKLIST_LINE = "  moderation: {blocklist: {fr: [arnaque], en: [scam]}}\n"


# ---------------------------------------------------------------- fixtures

def write_qa_conference(path):
    """The display conference (plenary: an Arabic opening titled «Séance d’ouverture 2026» in French,
    then a panel with a hostile title; atelier) with a French and an English blocklist."""
    write_display_conference(path, time_zone="Africa/Casablanca")
    text = path.read_text(encoding="utf-8")
    patched = text.replace("  timeZone:", BLOCKLIST_LINE + "  timeZone:", 1)
    assert patched != text
    path.write_text(patched, encoding="utf-8")
    return path


@pytest.fixture
def conference_file(tmp_path):
    return write_qa_conference(tmp_path / "conference.yaml")


@pytest.fixture
def display(tmp_path, podiumd):
    """The room display on the same daemon (for the door and the monitor)."""
    server = RoomDisplay(tmp_path, podiumd)
    try:
        yield server.start()
    finally:
        server.kill()


IGNORED_LOG = re.compile(r"favicon\.ico|Failed to load resource|net::ERR_|EventSource|/live")


@pytest.fixture
def page(browser):
    """The module's browser with no cookies (a new audience device, no moderator cookie), left clean:
    one window, no emulation, no page. Fails the test on a JavaScript error or a CSP violation."""
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
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


# ---------------------------------------------------------------- browser helpers


def wait_gone(driver, selector, timeout=WAIT):
    wait_until(lambda: js(driver, "return !document.querySelector(arguments[0])", selector), timeout,
               f"{selector} to leave the page", interval=0.1)


def open_page(driver, url):
    pages.open_page(driver, url, ready="!!window.PodiumQA")


def assert_no_injection(driver):
    """Question texts went through textContent: no element made from them, no handler run."""
    found = js(driver, """return {
        pwned: window.pwned === undefined ? null : window.pwned,
        made: document.querySelectorAll('img[src="x"], b[onmouseover], script:not([src])').length };""")
    assert found == {"pwned": None, "made": 0}, found


def emulate(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def png_size(path):
    with open(path, "rb") as image:
        header = image.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def screenshot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"qa-{name}.png"
    wait_js(driver, "return document.fonts.status === 'loaded'", "the fonts")
    assert driver.save_screenshot(str(path)), path
    assert path.stat().st_size > 5_000, path
    return path


# ---------------------------------------------------------------- the audience page

def ask_url(qa, lang="fr", room=ROOM):
    return qa.url(f"/rooms/{room}/ask?lang={lang}")


def question_row(qid, section="questions"):
    return f'#{section} li.question[data-question="{qid}"]'


def click(driver, selector):
    """A real click on the element matching selector now (found again if the page replaced it)."""
    def attempt():
        try:
            driver.find_element(By.CSS_SELECTOR, selector).click()
            return True
        except StaleElementReferenceException:
            return False
    wait_until(attempt, WAIT, f"a click on {selector}", interval=0.1)


def type_into(driver, selector, value):
    box = driver.find_element(By.CSS_SELECTOR, selector)
    box.clear()
    if value:
        box.send_keys(value)


def set_value(driver, selector, value):
    """Sets a field's value as typing would (an input event), for texts too long to type."""
    js(driver, "var n = document.querySelector(arguments[0]); n.value = arguments[1];"
               "n.dispatchEvent(new Event('input', {bubbles: true}));", selector, value)


def submit_question(driver, question, name=None, language=None, expected="ok"):
    """Fills the audience form and sends it; returns (class, data-code, text) of the outcome."""
    js(driver, "var r = document.getElementById('ask-result'); r.className = 'result'; r.textContent = '';"
               "r.removeAttribute('data-code');")
    if question is not None:
        type_into(driver, "#question-text", question)
    if name is not None:
        type_into(driver, "#asker-name", name)
    if language is not None:
        js(driver, "document.getElementById('question-language').value = arguments[0]", language)
    click(driver, "#submit-question")
    outcome = wait_js(driver, """var r = document.getElementById('ask-result');
        return (r.classList.contains('ok') || r.classList.contains('error'))
            && [r.classList.contains('ok') ? 'ok' : 'error', r.getAttribute('data-code'), r.textContent];""",
                      "the outcome of the question")
    assert outcome[0] == expected, outcome
    return outcome


def page_fetch(driver, method, path, body=None):
    """A request from inside the page (its cookies: this browser's device): [status, JSON body]."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1], init = {method: arguments[0], credentials: 'same-origin',
            headers: {'Content-Type': 'application/json'}};
        if (arguments[2] !== null) init.body = JSON.stringify(arguments[2]);
        fetch(arguments[1], init).then(function (r) {
            return r.text().then(function (t) { var b = null; try { b = JSON.parse(t); } catch (e) {} done([r.status, b]); });
        }, function (e) { done([0, String(e)]); });""", method, path, body)


# ---------------------------------------------------------------- the moderators' console

def card(qid, column=None):
    return (f"#col-{column} " if column else "") + f'li.card[data-question="{qid}"]'


def open_console(driver, qa, name="Nadia", room=ROOM):
    """Opens the moderator's private link (the token goes into a cookie) and signs in with a name."""
    driver.get(qa.moderator_link(room))
    wait_js(driver, "return document.readyState === 'complete' && !!window.PodiumQA", "the console to load")
    assert urllib.parse.urlsplit(driver.current_url).path == f"/moderate/{room}"
    assert "token" not in driver.current_url  # redirected: the secret leaves the address bar and the history
    if shown(driver, "#name-panel"):
        type_into(driver, "#name-input", name)
        click(driver, "#name-form button[type=submit]")
        wait_shown(driver, "#name-panel", False)
    wait_text(driver, "#moderator-name", name)


def console_click(driver, selector, expected="ok"):
    """Clicks a console button and waits for #result; returns (class, data-code, text)."""
    clear_result(driver)
    wait_until(lambda: shown(driver, selector), WAIT, f"{selector} to be shown", interval=0.1)
    click(driver, selector)
    outcome = wait_js(driver, """var r = document.getElementById('result');
        return (r.classList.contains('ok') || r.classList.contains('error'))
            && [r.classList.contains('ok') ? 'ok' : 'error', r.getAttribute('data-code'), r.textContent];""",
                      f"a result for {selector}")
    assert outcome[0] == expected, outcome
    return outcome


def action(driver, qid, name, expected="ok"):
    return console_click(driver, f'{card(qid)} button[data-action="{name}"]', expected)


# ---------------------------------------------------------------- the API (set-ups and cross-checks)

def ask(qa, question, device=None, room=ROOM, **fields):
    """An audience device asks over HTTP; returns (device, response)."""
    device = device or requests.Session()
    response = device.post(qa.url(f"/api/rooms/{room}/questions"), json={"text": question, **fields}, timeout=10)
    return device, response


def submitted(qa, question, device=None, **fields):
    """Asks and returns (device, question id); the question must be taken."""
    device, response = ask(qa, question, device, **fields)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["state"] == "pending" and body["question"], body
    return device, body["question"]


def vote(qa, device, qid, room=ROOM):
    return device.post(qa.url(f"/api/rooms/{room}/questions/{qid}/vote"), json={}, timeout=10)


def assert_voted(response):
    assert response.status_code == 200 and response.json()["ok"] is True, response.text


def moderated(qa, command, **args):
    status, reply = qa.moderate(ROOM, command, **args)
    assert status == 200 and reply.get("ok") is True, (command, status, reply)
    return reply


def moderator_question(qa, qid):
    return next((q for q in qa.moderation(ROOM)["questions"] if q["id"] == qid), None)


def wait_question(qa, qid, predicate, what):
    """Waits until the moderators' API shows question qid matching predicate; returns it."""
    return wait_until(lambda: (lambda q: q if q and predicate(q) else None)(moderator_question(qa, qid)),
                      WAIT, what, interval=0.1)


def approved(qa, question, device=None, **fields):
    device, qid = submitted(qa, question, device, **fields)
    wait_question(qa, qid, lambda q: True, f"{qid} to reach the plugin")
    moderated(qa, "approveQuestion", question=qid)
    wait_question(qa, qid, lambda q: q["state"] == "approved", f"{qid} to be approved")
    return device, qid


def daemon_question(podiumd, qid):
    """The question as the daemon has it now (its topic's value): no waiting on the plugin's feed."""
    topic = f"qa/{ROOM}/{qid}"
    return next(entry["value"] for entry in podiumd.snapshot(topic)["entries"] if entry["topic"] == topic)


def wait_board(qa, key, value):
    """Waits until the moderators' API shows board[key] == value."""
    wait_until(lambda: qa.moderation(ROOM)["board"].get(key) == value, WAIT, f"the board's {key} to be {value!r}",
               interval=0.1)


def audience_view(qa, device=None):
    device = device or requests.Session()
    response = device.get(qa.url(f"/api/rooms/{ROOM}/questions"), timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def events(podiumd, kind):
    """The event log's events of one type, as dicts (their body)."""
    lines = podiumd.cli("events", "--json").stdout.splitlines()
    found = [json.loads(line) for line in lines if line.strip()]
    return [entry["event"][kind] for entry in found if entry.get("type") == kind]


# ================================================================ tests

def test_french_question_from_the_phone_reaches_the_console_and_comes_back_approved(podiumd, qa, page):
    podiumd.cli("start", ROOM)
    open_console(page, qa, "Nadia")
    console = page.current_window_handle
    # The console names its room by its name, not its id.
    wait_text(page, "#room-id", "Plénière")
    assert js(page, "return document.title").endswith("Plénière")

    page.switch_to.new_window("window")
    emulate(page, 390, 844)
    open_page(page, ask_url(qa, "fr"))
    audience = page.current_window_handle
    wait_text(page, "#session-title", "Séance d’ouverture 2026")
    assert text(page, "#char-count") == "0 / 500"
    assert "Anonyme" in text(page, "#anonymous-hint")
    assert js(page, "return [...document.querySelectorAll('#question-language option')].map(o => o.value)") \
        == ["auto", "ar", "fr", "en"]
    assert js(page, "return document.cookie") == ""  # the device id is HttpOnly: the page never sees it
    type_into(page, "#question-text", "Quelle place pour l’économie du soin ?")
    assert text(page, "#char-count") == "38 / 500"
    _, _, message = submit_question(page, None, name="Karim", language="fr")
    assert "modérateur" in message
    assert page.find_element(By.CSS_SELECTOR, "#question-text").get_attribute("value") == ""
    js(page, "window.__samePage = true")
    screenshot(page, "ask-sent-fr")

    page.switch_to.window(console)
    row = wait_until(lambda: js(page, "return [...document.querySelectorAll('#col-pending li.card')]"
                                      ".map(n => n.getAttribute('data-question'))"), WAIT, "the question in the console")
    qid = row[0]
    assert text(page, f"{card(qid, 'pending')} .question-text") == "Quelle place pour l’économie du soin ?"
    assert text(page, f"{card(qid)} .asker") == "Karim"
    assert text(page, f"{card(qid)} .lang-code") == "FR"
    assert js(page, "return document.querySelector(arguments[0]).lang", f"{card(qid)} .question-text") == "fr"
    assert moderator_question(qa, qid)["state"] == "pending"
    # Pending questions are the moderators' only.
    assert all(q["id"] != qid for q in audience_view(qa)["questions"])
    action(page, qid, "approve")
    wait_shown(page, card(qid, "approved"))
    assert moderator_question(qa, qid)["state"] == "approved"
    assert any(e["question"] == qid and e["by"] == "Nadia" for e in events(podiumd, "questionApproved"))

    page.switch_to.window(audience)
    wait_text(page, f"{question_row(qid)} .question-text", "Quelle place pour l’économie du soin ?")
    assert js(page, "return window.__samePage") is True  # live, no reload
    assert text(page, f"{question_row(qid)} .question-name") == "Karim"
    assert js(page, "var n = document.querySelector(arguments[0]); return [n.lang, n.getAttribute('dir')]",
              f"{question_row(qid)} .question-text") == ["fr", "auto"]
    assert not shown(page, "#no-questions")
    screenshot(page, "ask-fr")


def test_arabic_audience_page_is_right_to_left(podiumd, qa, page):
    podiumd.cli("start", ROOM)
    emulate(page, 390, 844)
    open_page(page, ask_url(qa, "ar"))
    assert js(page, "return [document.documentElement.lang, document.documentElement.dir,"
                    " getComputedStyle(document.body).direction]") == ["ar", "rtl", "rtl"]
    assert text(page, "#submit-question") == "أرسل السؤال"
    # The opening has no Arabic translation: its title is the Arabic original, in its own direction.
    wait_text(page, "#session-title", "الجلسة الافتتاحية: Podium 2026 في 3 لغات")
    assert js(page, "return getComputedStyle(document.getElementById('session-title')).direction") == "rtl"
    assert js(page, "return getComputedStyle(document.getElementById('char-count')).direction") == "ltr"

    question = "ما هي أولويات الحماية الاجتماعية في 2026؟"
    _, _, message = submit_question(page, question)  # language: auto
    assert message == "تم إرسال السؤال. سيراجعه مشرف قبل عرضه."
    qid = wait_until(lambda: next((q["id"] for q in qa.moderation(ROOM)["questions"] if q["text"] == question), None),
                     WAIT, "the Arabic question in the moderators' API")
    asked = moderator_question(qa, qid)
    assert asked["language"] == "ar" and asked.get("name") is None and asked["session"] == "opening", asked
    moderated(qa, "approveQuestion", question=qid)
    row = question_row(qid)
    wait_text(page, f"{row} .question-text", question)
    assert js(page, "var n = document.querySelector(arguments[0]); return [n.lang, getComputedStyle(n).direction]",
              f"{row} .question-text") == ["ar", "rtl"]
    assert text(page, f"{row} .question-name") == "مجهول"  # anonymous
    assert text(page, f"{row} .vote-label") == "صوّت"
    screenshot(page, "ask-ar")

    # A French question on the Arabic page keeps its own direction.
    _, french = approved(qa, "Et le financement ?", language="fr")
    wait_text(page, f"{question_row(french)} .question-text", "Et le financement ?")
    assert js(page, "return getComputedStyle(document.querySelector(arguments[0])).direction",
              f"{question_row(french)} .question-text") == "ltr"


def test_vote_counts_once_per_device(podiumd, qa, page):
    _, qid = approved(qa, "Quel budget pour 2027 ?")
    _, other = approved(qa, "Et les régions ?")
    open_page(page, ask_url(qa))
    button = f"{question_row(qid)} button.vote"
    wait_text(page, f"{question_row(qid)} .vote-count", "0")
    assert js(page, "return document.querySelector(arguments[0]).disabled", button) is False
    click(page, button)
    wait_text(page, f"{question_row(qid)} .vote-count", "1")
    assert js(page, "var b = document.querySelector(arguments[0]);"
                    " return [b.disabled, b.classList.contains('voted'), b.getAttribute('aria-pressed')]", button) \
        == [True, True, "true"]
    # Most votes first.
    wait_until(lambda: js(page, "return document.querySelector('#questions li.question').getAttribute('data-question')")
               == qid, WAIT, "the voted question to lead")

    # A second click (the button is disabled) and a second vote from the same device count for nothing.
    js(page, "document.querySelector(arguments[0]).click()", button)
    status, reply = page_fetch(page, "POST", f"/api/rooms/{ROOM}/questions/{qid}/vote")
    assert status == 200 and reply["ok"] is True, reply
    assert daemon_question(podiumd, qid)["votes"] == 1

    # The server remembers this device's vote: without the browser's memory the button stays off.
    js(page, "localStorage.clear()")
    page.refresh()
    wait_js(page, "return !!window.PodiumQA", "the reload")
    wait_until(lambda: js(page, "var b = document.querySelector(arguments[0]); return !!b && b.disabled", button),
               WAIT, "the vote button to stay disabled")
    mine = {q["id"]: q["voted"] for q in
            page_fetch(page, "GET", f"/api/rooms/{ROOM}/questions")[1]["questions"]}
    assert mine == {qid: True, other: False}, mine

    # Another device adds one.
    device = requests.Session()
    assert_voted(vote(qa, device, qid))
    assert_voted(vote(qa, device, qid))
    assert daemon_question(podiumd, qid)["votes"] == 2
    wait_text(page, f"{question_row(qid)} .vote-count", "2")
    # Pending questions take no votes.
    _, pending = submitted(qa, "Pas encore approuvée")
    response = vote(qa, device, pending)
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_allowed_in_state", response.text


def test_edit_then_approve(podiumd, qa, page):
    _, qid = submitted(qa, "Qeulle est la dat du rapport ?", language="fr")
    open_console(page, qa)
    wait_shown(page, card(qid, "pending"))
    click(page, f'{card(qid)} button[data-action="editApprove"]')
    editor = f"{card(qid)} textarea.edit-text"
    wait_shown(page, editor)
    assert page.find_element(By.CSS_SELECTOR, editor).get_attribute("value") == "Qeulle est la dat du rapport ?"
    type_into(page, editor, "Quelle est la date du rapport ?")
    console_click(page, f'{card(qid)} button[data-editor="save-approve"]')
    wait_text(page, f"{card(qid, 'approved')} .question-text", "Quelle est la date du rapport ?")
    assert not shown(page, editor)  # the editor closed
    q = moderator_question(qa, qid)
    assert (q["state"], q["text"]) == ("approved", "Quelle est la date du rapport ?"), q
    assert [e["text"] for e in events(podiumd, "questionEdited")] == ["Quelle est la date du rapport ?"]

    console = page.current_window_handle
    page.switch_to.new_window("window")
    audience = page.current_window_handle
    open_page(page, ask_url(qa))
    wait_text(page, f"{question_row(qid)} .question-text", "Quelle est la date du rapport ?")

    # Editing an approved question shows live on the audience page, and an empty text is refused visibly.
    page.switch_to.window(console)
    click(page, f'{card(qid)} button[data-action="edit"]')
    wait_shown(page, editor)
    assert not shown(page, f'{card(qid)} button[data-editor="save-approve"]')  # already approved
    type_into(page, editor, "   ")
    _, code, message = console_click(page, f'{card(qid)} button[data-editor="save"]', "error")
    assert code == "invalid_argument" and "empty" in message, message
    assert shown(page, editor)  # kept open to fix it
    type_into(page, editor, "Quelle est la date exacte du rapport ?")
    console_click(page, f'{card(qid)} button[data-editor="save"]')
    page.switch_to.window(audience)
    wait_text(page, f"{question_row(qid)} .question-text", "Quelle est la date exacte du rapport ?")


def test_markup_in_questions_shows_as_text_everywhere(podiumd, qa, display, page):
    podiumd.cli("start", ROOM)
    _, img = approved(qa, HOSTILE_IMG, name=HOSTILE_NAME, language="en")
    _, script = approved(qa, HOSTILE_SCRIPT)
    _, pending = submitted(qa, HOSTILE_IMG + " " + HOSTILE_SCRIPT)
    moderated(qa, "tagQuestion", question=img, tags=["<i>tag</i>"])
    moderated(qa, "showQuestion", question=img)

    open_page(page, ask_url(qa))
    wait_text(page, f"{question_row(img)} .question-text", HOSTILE_IMG)
    wait_text(page, f"{question_row(script)} .question-text", HOSTILE_SCRIPT)
    assert text(page, f"{question_row(img)} .question-name") == HOSTILE_NAME
    assert text(page, f"{question_row(img)} .on-screen-badge") == "À l’écran"
    assert_no_injection(page)

    open_console(page, qa)
    wait_text(page, f"{card(img)} .question-text", HOSTILE_IMG)
    wait_text(page, f"{card(script)} .question-text", HOSTILE_SCRIPT)
    wait_text(page, f"{card(pending, 'pending')} .question-text", HOSTILE_IMG + " " + HOSTILE_SCRIPT)
    assert text(page, f"{card(img)} .asker") == HOSTILE_NAME
    assert text(page, f"{card(img)} .tag") == "<i>tag</i>"
    wait_text(page, "#on-screen-text", HOSTILE_IMG)
    # The merge picker lists the other questions' texts as text too.
    click(page, f'{card(pending)} button[data-action="merge"]')
    wait_shown(page, f"{card(pending)} select.merge-target")
    assert_no_injection(page)
    screenshot(page, "moderate-hostile")

    for kind in ("door", "monitor"):
        open_page_plain(page, display.url(f"/rooms/{ROOM}/{kind}"))
        wait_text(page, "#question .question-text", HOSTILE_IMG, f"the question on the {kind}")
        assert_no_injection(page)


def open_page_plain(driver, url):
    driver.get(url)
    wait_js(driver, "return document.readyState === 'complete'", f"{url} to load")


def test_blocklisted_word_holds_the_question_with_the_reason(podiumd, qa, page):
    open_console(page, qa)
    _, held = submitted(qa, "Ce programme est-il une ARNAQUE ?", language="fr")
    _, english = submitted(qa, "Is this a scam?", language="en")
    _, clean = submitted(qa, "Quel calendrier ?", language="fr")
    reason = "contains «arnaque» (blocklist fr)"
    assert wait_question(qa, held, lambda q: True, "the held question")["held"] == reason
    assert wait_question(qa, english, lambda q: True, "the English one")["held"] == "contains «scam» (blocklist en)"
    assert wait_question(qa, clean, lambda q: True, "the clean one").get("held") is None

    wait_text(page, f"{card(held, 'pending')} .held-reason", lambda t: reason in t, "the hold reason")
    assert text(page, f"{card(held)} .held-reason") == "Retenue : " + reason
    assert js(page, "return document.querySelector(arguments[0]).classList.contains('is-held')", card(held))
    wait_text(page, f"{card(english, 'pending')} .held-reason", lambda t: "scam" in t)
    assert not shown(page, f"{card(clean)} .held-reason")
    assert all(q["id"] not in (held, english) for q in audience_view(qa)["questions"])
    screenshot(page, "moderate-held")
    # A held question can still be approved by a moderator.
    action(page, held, "approve")
    wait_shown(page, card(held, "approved"))


def test_merge_adds_the_votes_up(podiumd, qa, page):
    one, two, three = requests.Session(), requests.Session(), requests.Session()
    _, keep = approved(qa, "Quel financement pour le soin ?")
    _, duplicate = approved(qa, "Comment financer l’économie du soin ?")
    for device, qid in ((one, keep), (two, keep), (two, duplicate), (three, duplicate)):
        assert_voted(vote(qa, device, qid))
    wait_question(qa, duplicate, lambda q: q["votes"] == 2, "the duplicate's votes")

    open_page(page, ask_url(qa))
    wait_shown(page, question_row(duplicate))
    audience = page.current_window_handle
    page.switch_to.new_window("window")
    open_console(page, qa)
    click(page, f'{card(duplicate)} button[data-action="merge"]')
    picker = f"{card(duplicate)} select.merge-target"
    wait_shown(page, picker)
    options = js(page, "return [...document.querySelector(arguments[0]).options].map(o => o.value)", picker)
    assert keep in options and duplicate not in options
    js(page, "document.querySelector(arguments[0]).value = arguments[1]", picker, keep)
    console_click(page, f'{card(duplicate)} button[data-editor="merge"]')

    kept = wait_question(qa, keep, lambda q: q["votes"] == 3, "the votes to add up (device two counted once)")
    merged = moderator_question(qa, duplicate)
    assert (merged["state"], merged["mergedInto"]) == ("merged", keep), merged
    assert kept["state"] == "approved"
    wait_shown(page, card(duplicate, "dismissed"))
    wait_text(page, f"{card(duplicate)} .merged-into", lambda t: "Quel financement pour le soin ?" in t)
    wait_text(page, f"{card(keep)} .votes", "▲ 3")

    page.switch_to.window(audience)
    wait_gone(page, question_row(duplicate))
    wait_text(page, f"{question_row(keep)} .vote-count", "3")
    # A device that voted for the duplicate cannot vote again through the kept one.
    assert_voted(vote(qa, three, keep))
    assert daemon_question(podiumd, keep)["votes"] == 3


def test_show_on_screen_next_up_and_the_room_display(podiumd, qa, display, page):
    podiumd.cli("start", ROOM)
    _, first = approved(qa, "Quelle coopération régionale ?", name="Salma", language="fr")
    _, second = approved(qa, "كيف نمول الرعاية؟")
    open_page(page, ask_url(qa))
    wait_shown(page, question_row(first))
    audience = page.current_window_handle
    page.switch_to.new_window("window")
    door = page.current_window_handle
    open_page_plain(page, display.url(f"/rooms/{ROOM}/door"))
    wait_text(page, "#room-name", "Plénière")
    assert not shown(page, "#question")
    page.switch_to.new_window("window")
    console = page.current_window_handle
    open_console(page, qa)

    action(page, first, "show")
    wait_text(page, "#on-screen-text", "Quelle coopération régionale ?")
    assert js(page, "return document.querySelector(arguments[0]).classList.contains('on-screen')", card(first))
    wait_board(qa, "onScreen", first)
    action(page, second, "setNext")
    wait_text(page, "#next-up-text", "كيف نمول الرعاية؟")
    wait_board(qa, "nextUp", second)
    screenshot(page, "moderate-fr")

    page.switch_to.window(audience)
    wait_until(lambda: js(page, "return document.querySelector(arguments[0]).classList.contains('on-screen')",
                          question_row(first)), WAIT, "the question on screen highlighted")
    assert shown(page, f"{question_row(first)} .on-screen-badge")
    assert not shown(page, f"{question_row(second)} .on-screen-badge")

    page.switch_to.window(door)
    wait_text(page, "#question .question-text", "Quelle coopération régionale ?")
    assert text(page, "#question .question-name") == "Salma"
    screenshot(page, "door-question")

    page.switch_to.window(console)
    console_click(page, "#show-next")
    wait_text(page, "#on-screen-text", "كيف نمول الرعاية؟")
    page.switch_to.window(door)
    wait_text(page, "#question .question-text", "كيف نمول الرعاية؟")
    assert js(page, "return document.querySelector('#question .question-text').lang") == "ar"
    page.switch_to.window(audience)
    wait_until(lambda: js(page, "return document.querySelector(arguments[0]).classList.contains('on-screen')",
                          question_row(second)), WAIT, "the next question highlighted")

    page.switch_to.window(console)
    console_click(page, "#hide-question")
    wait_shown(page, "#on-screen-empty")
    page.switch_to.window(door)
    wait_shown(page, "#question", False)
    # Only approved questions go on screen.
    _, pending = submitted(qa, "Pas encore approuvée")
    wait_question(qa, pending, lambda q: True, "the pending question")
    status, reply = qa.moderate(ROOM, "showQuestion", question=pending)
    assert status == 409 and reply["error"]["code"] == "not_allowed_in_state", reply


def test_answered_goes_to_the_archive_and_comes_back(podiumd, qa, page):
    _, qid = approved(qa, "Quelles suites à la conférence ?")
    open_page(page, ask_url(qa))
    wait_shown(page, question_row(qid))
    audience = page.current_window_handle
    page.switch_to.new_window("window")
    console = page.current_window_handle
    open_console(page, qa)
    action(page, qid, "show")
    action(page, qid, "answer")
    wait_shown(page, card(qid, "answered"))
    wait_board(qa, "onScreen", None)  # answering takes it off screen
    wait_question(qa, qid, lambda q: q["state"] == "answered", "the question to be answered")

    page.switch_to.window(audience)
    wait_shown(page, question_row(qid, "answered"))
    assert not js(page, "return !!document.querySelector(arguments[0])", question_row(qid))
    assert not shown(page, f"{question_row(qid, 'answered')} button.vote")
    assert not shown(page, "#no-answered")

    page.switch_to.window(console)
    action(page, qid, "restore")
    wait_shown(page, card(qid, "approved"))
    page.switch_to.window(audience)
    wait_shown(page, question_row(qid))
    wait_shown(page, "#no-answered")


@pytest.fixture
def roomy_qa(tmp_path, podiumd):
    """podium-qa letting a device ask 10 questions a minute (the ban test's troll asks four)."""
    server = QuestionsPlugin(tmp_path, podiumd, questions_per_minute=10)
    try:
        yield server.start()
    finally:
        server.kill()


def test_ban_device_dismisses_its_pending_questions(podiumd, roomy_qa, page):
    qa = roomy_qa
    troll, first = submitted(qa, "Première provocation")
    _, second = submitted(qa, "Deuxième provocation", troll)
    _, visible = approved(qa, "Ancienne question approuvée", troll)
    _, fine = submitted(qa, "Une vraie question")
    wait_question(qa, second, lambda q: True, "the troll's second question")
    open_console(page, qa)
    wait_shown(page, card(first, "pending"))
    click(page, f'{card(first)} button[data-action="ban"]')
    wait_shown(page, f'{card(first)} button[data-editor="ban"]')
    assert moderator_question(qa, first)["state"] == "pending"  # nothing happens before the confirmation
    console_click(page, f'{card(first)} button[data-editor="ban"]')

    wait_shown(page, card(first, "dismissed"))
    wait_shown(page, card(second, "dismissed"))
    wait_shown(page, card(fine, "pending"))
    assert {moderator_question(qa, q)["state"] for q in (first, second)} == {"dismissed"}
    assert moderator_question(qa, fine)["state"] == "pending"
    assert moderator_question(qa, visible)["state"] == "approved"  # only pending questions go
    wait_board(qa, "bannedDevices", 1)
    wait_text(page, "#banned-count", "Appareils bannis : 1")

    _, response = ask(qa, "Encore moi", troll)
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_allowed_in_state", response.text
    response = vote(qa, troll, visible)
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_allowed_in_state", response.text


def test_paused_and_closed_intake_replace_the_form(podiumd, qa, display, page):
    open_page(page, ask_url(qa))
    wait_shown(page, "#ask-form")
    assert not shown(page, "#intake-message")
    audience = page.current_window_handle
    page.switch_to.new_window("window")
    open_console(page, qa)
    console = page.current_window_handle
    assert js(page, "return document.querySelector('button[data-intake=open]').getAttribute('aria-pressed')") == "true"

    console_click(page, 'button[data-intake="paused"]')
    wait_board(qa, "intake", "paused")
    page.switch_to.window(audience)
    wait_shown(page, "#ask-form", False)
    wait_text(page, "#intake-message", "Les questions sont en pause pour le moment. Revenez dans un instant.")
    screenshot(page, "ask-paused")
    _, response = ask(qa, "Et maintenant ?")
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_allowed_in_state", response.text
    assert "paused" in response.json()["error"]["message"]
    # The door stops inviting questions while intake is not open.
    page.switch_to.new_window("window")
    open_page_plain(page, display.url(f"/rooms/{ROOM}/door"))
    wait_text(page, "#room-name", "Plénière")
    wait_shown(page, "#qa", False)
    page.close()

    page.switch_to.window(console)
    console_click(page, 'button[data-intake="closed"]')
    page.switch_to.window(audience)
    wait_text(page, "#intake-message", "Les questions sont closes pour cette séance.")
    assert not shown(page, "#ask-form")

    page.switch_to.window(console)
    console_click(page, 'button[data-intake="open"]')
    page.switch_to.window(audience)
    wait_shown(page, "#ask-form")
    assert not shown(page, "#intake-message")
    submit_question(page, "Rouvert ?")


def test_moderators_only(podiumd, qa, page):
    plain = requests.Session()
    plain.get(qa.url(f"/rooms/{ROOM}/ask"), timeout=5)  # an audience device, with its cookie
    assert "podium_device" in plain.cookies
    for path in (f"/moderate/{ROOM}", f"/moderate/{ROOM}?token=wrong-token-wrong-token",
                 f"/moderate/{ROOM}?token={qa.token}x"):
        response = plain.get(qa.url(path), allow_redirects=False, timeout=5)
        assert response.status_code == 401, path
        assert "moderator" in response.text.lower() and "text/html" in response.headers["content-type"]
        assert "podium_session" not in response.headers.get("set-cookie", "")
    for method, path, body in (("GET", f"/api/rooms/{ROOM}/moderation", None),
                               ("POST", f"/api/rooms/{ROOM}/moderation",
                                {"command": "setIntake", "args": {"intake": "closed", "by": "intrus"}}),
                               ("GET", f"/live/moderator?room={ROOM}", None)):
        for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": qa.token}):
            response = plain.request(method, qa.url(path), json=body, headers=headers, timeout=5)
            assert response.status_code == 401, (method, path, headers)
            assert response.json()["error"]["code"] == "unauthorized", response.text
    assert audience_view(qa)["intake"] == "open"  # nothing was done
    # The audience's API takes no moderation command, not even dressed as a question.
    _, response = ask(qa, "x", plain, command="approveQuestion")
    assert response.status_code == 400 and response.json()["error"]["field"] == "command", response.text
    # A moderator's API refuses the audience's commands.
    status, reply = qa.moderate(ROOM, "submitQuestion", text="x")
    assert status == 403 and reply["error"]["code"] == "out_of_scope", reply
    assert "'submitQuestion' is the audience's command" in reply["error"]["message"], reply
    status, reply = qa.moderate(ROOM, "setIntake", by="", intake="closed")
    assert status == 400 and reply["error"]["field"] == "by", reply

    # The private link: a cookie (HttpOnly, SameSite=Strict) and a redirect that drops the token.
    moderator = requests.Session()
    response = moderator.get(qa.moderator_link(ROOM), allow_redirects=False, timeout=5)
    assert response.status_code == 303 and response.headers["location"] == f"/moderate/{ROOM}"
    cookie = response.headers["set-cookie"]
    assert "podium_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie
    response = moderator.get(qa.url(f"/moderate/{ROOM}"), timeout=5)
    assert response.status_code == 200 and 'id="col-pending"' in response.text
    assert moderator.get(qa.url(f"/api/rooms/{ROOM}/moderation"), timeout=5).status_code == 200

    # In a browser: without the link a 401 page; with it the console, and the cookies stay out of reach.
    page.get(qa.url(f"/moderate/{ROOM}"))
    assert "moderator" in page.find_element(By.TAG_NAME, "body").text.lower()
    assert not js(page, "return !!document.getElementById('columns')")
    open_console(page, qa)
    assert js(page, "return document.cookie") == ""


def test_oversize_and_empty_questions_are_refused_with_the_message(podiumd, qa, page):
    open_page(page, ask_url(qa))
    set_value(page, "#question-text", "a" * 500 + "?")
    assert text(page, "#char-count") == "501 / 500"
    assert js(page, "return document.querySelector('.counter').classList.contains('over')")
    _, code, message = submit_question(page, None, expected="error")
    assert code == "invalid_argument" and message.startswith("Question refusée"), message
    assert "500" in message  # the server's explanation names the limit
    assert page.find_element(By.CSS_SELECTOR, "#question-text").get_attribute("value") == "a" * 500 + "?"  # kept
    set_value(page, "#question-text", "")
    _, code, message = submit_question(page, None, expected="error")
    assert code == "invalid_argument" and "empty" in message, message
    screenshot(page, "ask-refused")
    assert qa.moderation(ROOM)["questions"] == []

    for question in ("", "   \n ", "é" * 501):
        _, response = ask(qa, question)
        assert response.status_code == 400, (question, response.text)
        error = response.json()["error"]
        assert (error["code"], error["field"]) == ("invalid_argument", "text") and error["message"], error
    _, response = ask(qa, "x", language="de")
    assert response.status_code == 400 and response.json()["error"]["field"] == "language", response.text
    _, response = ask(qa, "x", name="n" * 61)
    assert response.status_code == 400 and response.json()["error"]["field"] == "name", response.text
    submitted(qa, "é" * 500)  # exactly the limit is fine


def test_fourth_question_within_a_minute_is_rate_limited(podiumd, qa, page):
    open_page(page, ask_url(qa))
    for n in (1, 2, 3):
        submit_question(page, f"Question numéro {n}")
    _, code, message = submit_question(page, "Question numéro 4", expected="error")
    assert code == "rate_limited" and message.startswith("Trop de questions"), message
    assert re.search(r"\d+ s", message), message  # says when to retry
    assert page.find_element(By.CSS_SELECTOR, "#question-text").get_attribute("value") == "Question numéro 4"
    wait_until(lambda: len(qa.moderation(ROOM)["questions"]) == 3, WAIT, "three questions")

    device = requests.Session()
    for n in (1, 2, 3):
        submitted(qa, f"API {n}", device)
    _, response = ask(qa, "API 4", device)
    assert response.status_code == 429, response.text
    assert response.json()["error"]["code"] == "rate_limited"
    assert int(response.headers["retry-after"]) > 0
    submitted(qa, "Another device is not limited")


def test_two_moderators_see_each_other(podiumd, qa, page):
    _, qid = submitted(qa, "Quelle place pour les jeunes ?", language="fr")
    _, other = submitted(qa, "Doublon à écarter")
    open_console(page, qa, "Nadia")
    second = start_chromium(1600, 1000)  # its own cookies and storage: another moderator
    try:
        open_console(second, qa, "Omar")
        js(second, """window.__sent = []; var f = window.fetch;
            window.fetch = function (u, i) { if (i && i.body) window.__sent.push(JSON.parse(i.body)); return f.apply(this, arguments); };""")
        wait_shown(second, card(qid, "pending"))

        action(page, qid, "approve")
        wait_shown(second, card(qid, "approved"))
        action(second, qid, "star")
        wait_until(lambda: js(page, "return document.querySelector(arguments[0]).classList.contains('starred')", card(qid)),
                   WAIT, "Omar's star in Nadia's console")
        assert moderator_question(qa, qid)["starred"] is True

        click(second, f'{card(qid)} button[data-action="tags"]')
        type_into(second, f"{card(qid)} input.tags-input", "jeunesse, emploi")
        console_click(second, f'{card(qid)} button[data-editor="save-tags"]')
        wait_text(page, f"{card(qid)} .tags", "jeunesseemploi")
        assert moderator_question(qa, qid)["tags"] == ["jeunesse", "emploi"]

        # Filter by tag and by state in one console; the other is unchanged.
        wait_until(lambda: "jeunesse" in js(page, "return [...document.querySelectorAll('#filter-tag option')].map(o => o.value)"),
                   WAIT, "the tag in the filter")
        js(page, "var s = document.getElementById('filter-tag'); s.value = 'jeunesse'; s.dispatchEvent(new Event('change'))")
        assert shown(page, card(qid)) and not shown(page, card(other))
        js(page, "var s = document.getElementById('filter-tag'); s.value = ''; s.dispatchEvent(new Event('change'))")
        js(page, "var s = document.getElementById('filter-state'); s.value = 'pending'; s.dispatchEvent(new Event('change'))")
        assert shown(page, card(other)) and not shown(page, card(qid))
        js(page, "var s = document.getElementById('filter-state'); s.value = ''; s.dispatchEvent(new Event('change'))")
        assert shown(second, card(other))

        action(page, other, "dismiss")
        wait_shown(second, card(other, "dismissed"))
        console_click(page, 'button[data-intake="paused"]')
        wait_until(lambda: js(second, "return document.querySelector('button[data-intake=paused]')"
                                      ".getAttribute('aria-pressed')") == "true", WAIT, "the pause in Omar's console")
        action(second, qid, "show")
        wait_text(page, "#on-screen-text", "Quelle place pour les jeunes ?")
        screenshot(second, "moderate-second")

        # Each action carries its moderator's name.
        assert {body["args"]["by"] for body in js(second, "return window.__sent")} == {"Omar"}
        assert [e["by"] for e in events(podiumd, "questionStarred")] == ["Omar"]
        assert [e["by"] for e in events(podiumd, "questionDismissed")] == ["Nadia"]
    finally:
        second.quit()


def test_console_in_arabic_and_sorting(podiumd, qa, page):
    _, first = approved(qa, "Première question", language="fr")
    _, second = approved(qa, "سؤال ثان")
    _, third = approved(qa, "Third question", language="en")
    for device in (requests.Session(), requests.Session()):
        vote(qa, device, third)
    vote(qa, requests.Session(), second)
    wait_question(qa, third, lambda q: q["votes"] == 2, "the votes")
    open_console(page, qa)
    page.get(qa.url(f"/moderate/{ROOM}?lang=ar"))
    wait_js(page, "return !!window.PodiumQA", "the Arabic console")
    assert js(page, "return getComputedStyle(document.body).direction") == "rtl"
    wait_text(page, "#room-id", "القاعة الكبرى")  # the room's Arabic name
    order = "return [...document.querySelectorAll('#col-approved li.card')].map(n => n.getAttribute('data-question'))"
    wait_until(lambda: js(page, order) == [third, second, first], WAIT, "most votes first")
    js(page, "var s = document.getElementById('sort'); s.value = 'time'; s.dispatchEvent(new Event('change'))")
    assert js(page, order) == [first, second, third]
    js(page, "var s = document.getElementById('sort'); s.value = 'language'; s.dispatchEvent(new Event('change'))")
    assert js(page, order) == [second, third, first]  # ar, en, fr
    assert text(page, '.column[data-column="approved"] h2 span') == "مقبولة"
    screenshot(page, "moderate-ar")


def test_index_and_unknown_rooms(podiumd, qa, page):
    open_page(page, qa.url("/?lang=fr"))
    wait_js(page, "return document.querySelectorAll('#rooms a').length === 2", "the rooms")
    assert js(page, "return [...document.querySelectorAll('#rooms a')].map(a => [a.textContent, a.getAttribute('href')])") \
        == [["Plénière", "/rooms/plenary/ask?lang=fr"], ["Atelier B", "/rooms/atelier/ask?lang=fr"]]
    assert "moderate" not in page.page_source  # the moderators' links are private
    screenshot(page, "index")

    response = requests.get(qa.url("/rooms/ghost/ask"), timeout=5)
    assert response.status_code == 404 and "ghost" in response.text
    assert 'href="/rooms/plenary/ask"' in response.text
    assert requests.get(qa.url("/api/rooms/ghost/questions"), timeout=5).status_code == 404
    hostile = urllib.parse.quote('<img src=x onerror="window.pwned=1">', safe="")
    assert requests.get(qa.url(f"/rooms/{hostile}/ask"), timeout=5).status_code == 404
    page.get(qa.url(f"/rooms/{hostile}/ask"))
    wait_js(page, "return document.readyState === 'complete'", "the unknown room page")
    assert_no_injection(page)


def test_screenshots(podiumd, qa, page):
    """The audience page on a phone (fr and ar) and the console on a laptop, with a realistic board."""
    podiumd.cli("start", ROOM)
    shown_id = None
    for n, (question, fields) in enumerate((
            ("Quelle place pour l’économie du soin dans le budget 2027 ?", {"name": "Karim", "language": "fr"}),
            ("ما هي أولويات الحماية الاجتماعية في المناطق القروية؟", {}),
            ("How will the care workforce be trained?", {"name": "Jane", "language": "en"}))):
        _, qid = approved(qa, question, **fields)
        for _ in range(3 - n):
            vote(qa, requests.Session(), qid)
        shown_id = shown_id or qid
    moderated(qa, "showQuestion", question=shown_id)
    _, answered = approved(qa, "Quand aura lieu la prochaine édition ?")
    moderated(qa, "answerQuestion", question=answered)
    submitted(qa, "Une arnaque, ce chiffre ?", language="fr")
    submitted(qa, "Question en attente de modération", name="Leïla")

    for lang in ("fr", "ar"):
        emulate(page, 390, 844)
        open_page(page, ask_url(qa, lang))
        wait_js(page, "return document.querySelectorAll('#questions li.question').length === 3", "the questions")
        path = screenshot(page, f"phone-{lang}")
        assert png_size(path) == (390, 844)
    emulate(page, 1600, 1000)
    open_console(page, qa)
    wait_js(page, "return document.querySelectorAll('#col-pending li.card').length === 2", "the pending questions")
    path = screenshot(page, "console-fr")
    assert png_size(path) == (1600, 1000)


def first_event(qa, path, name):
    """The data of the first `name` event of an event stream (with the moderator's token), parsed."""
    with requests.get(qa.url(path), headers={"Authorization": f"Bearer {qa.token}"}, stream=True, timeout=5) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        current = None
        for line in response.iter_lines(decode_unicode=True):
            if line.startswith("event:"):
                current = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and current == name:
                return json.loads(line.split(":", 1)[1])
    pytest.fail(f"no {name} event on {path}")


def test_a_fresh_room_has_a_board(podiumd, qa):
    """Before any question, session or intake change, moderators still get the room's board."""
    board = qa.moderation(ROOM).get("board")
    assert board is not None, "GET /api/rooms/plenary/moderation has no board for a room without questions yet"
    assert (board["room"], board["intake"], board["bannedDevices"]) == (ROOM, "open", 0), board
    live = first_event(qa, f"/live/moderator?room={ROOM}", "board")
    assert live is not None and live["intake"] == "open", f"the moderators' first board event is {live!r}"
