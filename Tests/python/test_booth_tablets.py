"""Paired booth tablets: with logins in place a booth console acts only on the tablet the chief
interpreter (or `podium tokens new --role booth`) paired with that booth; any other browser
watches, read-only. Pairings rotate and revoke without a restart, and sessions are signed: a
forged, expired or revoked one is refused. Every refusal leaves the daemon's state as it was."""
import json
import re
import subprocess
import time

import pytest

from conftest import BIN_DIR, hermetic_environment, write_conference
from test_web_access import Browser, podium, secured  # noqa: F401 (the fixture)

TWO_BOOTHS = "      - {id: fr, language: fr, channel: 1, from: [ar]}\n"


@pytest.fixture
def conference_file(tmp_path):
    """The test conference with a French booth beside the English one in the plenary."""
    path = write_conference(tmp_path / "conference.yaml")
    english = "      - {id: en, language: en, channel: 2, from: [ar, fr]}\n"
    text = path.read_text(encoding="utf-8")
    assert english in text
    path.write_text(text.replace(english, english + TWO_BOOTHS, 1), encoding="utf-8")
    return path


def daemon_seq(keys, daemon):
    """The daemon's sequence, asked over CURVE as the crew would (the display's operator key)."""
    result = subprocess.run([str(BIN_DIR / "podium"), "status", "--json", "--endpoint", daemon.command_endpoint],
                            capture_output=True, text=True, timeout=30,
                            env={**hermetic_environment(), "PODIUM_KEYS_DIR": str(keys), "PODIUM_KEY": "display"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["seq"]


def take_mic(browser, booth="en"):
    return browser.post("/api/rooms/plenary/commands",
                        {"command": "takeMic", "args": {"booth": booth, "interpreter": "helen"}})


def access(browser, booth="en"):
    status, _, body = browser.get(f"/api/rooms/plenary/booths/{booth}/access")
    assert status == 200, body
    return json.loads(body)


def pair(chief, booth="en"):
    status, reply = chief.post(f"/api/rooms/plenary/booths/{booth}/pairing", {})
    assert status == 200, reply
    return reply


def test_a_console_without_a_pairing_is_read_only(secured, browser):
    keys, _, daemon, _, booth = secured
    before = daemon_seq(keys, daemon)
    guest = Browser(booth.base)
    assert guest.get("/rooms/plenary/booths/en")[0] == 200  # anyone may watch
    seen = access(guest)
    assert seen["canAct"] is False and "read-only" in seen["reason"], seen
    for command, args in [("takeMic", {"booth": "en", "interpreter": "helen"}), ("cough", {"booth": "en"}),
                          ("micOff", {"booth": "en"}), ("messageChief", {"booth": "en", "text": "hi"})]:
        status, reply = guest.post("/api/rooms/plenary/commands", {"command": command, "args": args})
        assert status == 401 and reply["error"]["code"] == "unauthorized", (command, reply)
        assert "pair it with booth plenary/en" in reply["error"]["message"], reply
    # Pairing is the chief's: a guest cannot pair itself.
    assert guest.post("/api/rooms/plenary/booths/en/pairing", {})[0] == 401
    assert daemon_seq(keys, daemon) == before
    # In a real browser the console shows it is read-only and its buttons do nothing.
    browser.get(booth.url("/rooms/plenary/booths/en?lang=en"))
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not browser.execute_script(
            "return document.body.classList.contains('read-only') && !document.getElementById('read-only').hidden"):
        time.sleep(0.1)
    assert browser.execute_script("return document.getElementById('screen').inert") is True
    assert "not paired" in browser.execute_script("return document.getElementById('read-only').textContent")


def test_the_chief_pairs_a_tablet_for_one_booth_only(secured):
    keys, tokens, daemon, _, booth = secured
    chief = Browser(booth.base)
    chief.get(f"/login?token={tokens['chief']}&next=/chief")
    pairing = pair(chief)
    assert pairing["booth"] == "plenary/en" and pairing["qr"].startswith("<svg")
    assert pairing["thisMachineOnly"] is True  # no public.booths: say so on the chief's view
    path = re.sub(r"^https?://[^/]+", "", pairing["link"])
    assert path.startswith("/login?token=") and path.endswith("&next=/rooms/plenary/booths/en")
    token = re.search(r"token=([0-9a-f]+)", path).group(1)
    assert token not in (keys / "booth-tablets.yaml").read_text()  # only its SHA-256

    tablet = Browser(booth.base)
    status, headers, _ = tablet.get(path)
    assert status == 303 and headers["Location"] == "/rooms/plenary/booths/en"
    assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
    assert access(tablet)["canAct"] is True and access(tablet, "fr")["canAct"] is False
    status, reply = take_mic(tablet)
    assert status not in (401, 403) and reply.get("error", {}).get("code") not in ("unauthorized", "forbidden"), reply
    before = daemon_seq(keys, daemon)
    # The English booth's tablet cannot act for the French booth, nor send the chief's commands.
    status, reply = take_mic(tablet, "fr")
    assert status == 403 and reply["error"]["code"] == "forbidden" and reply["error"]["field"] == "booth", reply
    assert "paired with booth plenary/en, not plenary/fr" in reply["error"]["message"], reply
    status, reply = tablet.post("/api/rooms/plenary/commands", {"command": "setFloorLanguage", "args": {"language": "fr"}})
    assert status == 401, reply
    assert tablet.get("/chief")[0] == 401
    assert daemon_seq(keys, daemon) == before


def test_a_new_pairing_or_an_unpairing_ends_the_tablets_sessions_without_a_restart(secured):
    _, tokens, _, _, booth = secured
    chief = Browser(booth.base)
    chief.get(f"/login?token={tokens['chief']}&next=/chief")
    first = re.sub(r"^https?://[^/]+", "", pair(chief)["link"])
    tablet = Browser(booth.base)
    tablet.get(first)
    assert access(tablet)["canAct"] is True
    second = re.sub(r"^https?://[^/]+", "", pair(chief)["link"])  # rotation
    assert access(tablet)["canAct"] is False, "the earlier tablet was un-paired"
    assert Browser(booth.base).get(first)[0] == 401, "the earlier link no longer works"
    fresh = Browser(booth.base)
    assert fresh.get(second)[0] == 303 and access(fresh)["canAct"] is True
    status, reply = chief.post("/api/rooms/plenary/booths/en/unpairing", {})
    assert status == 200 and reply == {"unpaired": True}, reply
    assert access(fresh)["canAct"] is False
    assert take_mic(fresh)[0] == 401


def test_forged_and_expired_sessions_are_refused(secured):
    keys, _, _, _, booth = secured
    podium("tokens", "new", "tablet-en", "--role", "booth", "--booth", "plenary/en", "--dir", str(keys))
    stored = (keys / "web-tokens.yaml").read_text()
    assert "booth: plenary/en" in stored
    for cookie in ["tablet-en.9999999999.00", "tablet-en.9999999999." + "0" * 64, "chief.9999999999." + "a" * 64,
                   "nobody.1.x", "garbage", ""]:
        forged = Browser(booth.base)
        forged.opener.addheaders = [("Cookie", f"podium_session={cookie}")]
        assert access(forged)["canAct"] is False, cookie
        assert take_mic(forged)[0] == 401, cookie
    # A genuine session past its expiry: the same signature with an earlier time is another MAC.
    tablet = Browser(booth.base)
    token = podium("tokens", "new", "tablet-en", "--role", "booth", "--booth", "plenary/en", "--dir", str(keys))
    assert tablet.get(f"/login?token={token}")[0] == 303
    value = next(c.value for c in tablet.jar if c.name == "podium_session")
    name, expires, mac = value.split(".")
    assert int(expires) > time.time() + 6 * 24 * 3600  # a tablet stays paired for the conference
    replayed = Browser(booth.base)
    replayed.opener.addheaders = [("Cookie", f"podium_session={name}.{int(time.time()) - 1}.{mac}")]
    assert access(replayed)["canAct"] is False
    podium("tokens", "revoke", "tablet-en", "--dir", str(keys))
    assert access(tablet)["canAct"] is False, "a revoked token ends its sessions"


def test_the_cli_refuses_a_booth_token_without_its_booth():
    for args, message in [(["--role", "booth"], "--booth ROOM/BOOTH goes with --role booth"),
                          (["--role", "chief", "--booth", "plenary/en"], "--booth ROOM/BOOTH goes with --role booth"),
                          (["--role", "booth", "--booth", "plenary"], "--booth is ROOM/BOOTH")]:
        result = subprocess.run([str(BIN_DIR / "podium"), "tokens", "new", "t", "--dir", "/tmp/podium-unused", *args],
                                capture_output=True, text=True, timeout=30, env=hermetic_environment())
        assert result.returncode != 0 and message in result.stderr, result.stderr


def wait_for(browser, script, what, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_in_chromium_the_chief_pairs_a_tablet_and_the_tablet_acts(secured, browser):
    _, tokens, _, _, booth = secured
    browser.get_log("browser")  # drop what earlier tests left
    browser.get(booth.url(f"/login?token={tokens['chief']}&next=/chief%3Flang%3Den"))
    card = '.card[data-room="plenary"][data-booth="en"]'
    wait_for(browser, f"return !!document.querySelector('{card} button.pair-tablet')", "the booth card")
    browser.execute_script(f"document.querySelector('{card} button.pair-tablet').click()")
    link = wait_for(browser, f"""const box = document.querySelector('{card} .pairing');
        const code = box.querySelector('.pairing-qr svg'), drawn = code && code.getBoundingClientRect();
        return !box.hidden && drawn.width >= 150 && code.querySelectorAll('path').length === 1
          && box.querySelector('a').href""", "the pairing's QR code and link")
    assert "/login?token=" in link and link.endswith("&next=/rooms/plenary/booths/en")
    assert browser.execute_script(f"return !document.querySelector('{card} .pairing-local').hidden"), \
        "a link to this machine says so"
    browser.get(link)  # the tablet (this browser, now logged in as the booth)
    wait_for(browser, "return location.pathname === '/rooms/plenary/booths/en' && !!window.Podium", "the console")
    time.sleep(1)  # the access check has answered
    assert browser.execute_script("return document.body.classList.contains('read-only')") is False
    assert browser.execute_script("return document.getElementById('screen').inert") is False
    errors = [entry["message"] for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and entry.get("source") in ("javascript", "security")]
    assert not errors, f"errors in the pages (a script error, a CSP violation): {errors}"
