"""Production security end to end: CURVE keys on every ZeroMQ link (daemon, room display, booth timer)
and login tokens on the pages that act. Tokens are kept hashed, rotate without a restart, and
sessions are HttpOnly SameSite=Strict cookies; public pages stay public."""
import http.cookiejar
import json
import subprocess
import urllib.error
import urllib.request

import pytest

from conftest import BIN_DIR, BoothTimer, Podiumd, RoomDisplay, hermetic_environment, wait_until


def podium(*args):
    result = subprocess.run([str(BIN_DIR / "podium"), *args], capture_output=True, text=True, timeout=30,
                            env=hermetic_environment())
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects (to see them)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def post(self, path, body):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


@pytest.fixture
def secured(tmp_path, conference_file):
    keys = tmp_path / "keys"
    podium("keys", "new", "podiumd", "--role", "daemon", "--dir", str(keys))
    podium("keys", "new", "display", "--role", "operator", "--dir", str(keys))
    podium("keys", "new", "booths", "--role", "booth", "--dir", str(keys))
    tokens = {name: podium("tokens", "new", name, "--role", role, "--dir", str(keys))
              for name, role in [("regie", "operator"), ("chief", "chief")]}
    daemon = Podiumd(tmp_path, conference_file)
    daemon.extra_environment = {"PODIUM_KEYS_DIR": str(keys)}
    display = RoomDisplay(tmp_path, daemon)
    display.extra_environment = {"PODIUM_KEYS_DIR": str(keys), "PODIUM_KEY": "display"}
    booth = BoothTimer(tmp_path, daemon)
    booth.extra_environment = {"PODIUM_KEYS_DIR": str(keys), "PODIUM_KEY": "booths"}
    try:
        daemon.start()
        display.start()
        booth.start()
        yield keys, tokens, daemon, display, booth
    finally:
        for process in (booth, display, daemon):
            process.kill()


def test_keys_are_stored_hashed_and_plaintext_clients_are_shut_out(secured):
    keys, tokens, daemon, _, _ = secured
    stored = (keys / "web-tokens.yaml").read_text()
    assert tokens["regie"] not in stored and len(tokens["regie"]) == 64
    assert "sha256:" in stored
    assert oct((keys / "display.key").stat().st_mode & 0o777) == "0o600"
    reply = daemon.send_frames([json.dumps({"type": "hello", "id": "h"}).encode()], timeout=1.0)
    assert reply is None, "a plaintext peer gets no answer from a CURVE daemon"


def test_the_control_page_needs_an_operator_login_and_the_door_stays_public(secured):
    _, tokens, _, display, _ = secured
    browser = Browser(display.base)
    assert browser.get("/rooms/plenary/door")[0] == 200
    status, _, body = browser.get("/rooms/plenary/control")
    assert status == 401 and "needs a login token" in body and 'action="/login"' in body
    assert browser.post("/api/rooms/plenary/commands", {"command": "start"})[0] == 401
    assert browser.get("/api/screens")[0] == 401

    status, _, body = browser.get("/login?token=not-a-token&next=/rooms/plenary/control")
    assert status == 401 and "not valid" in body
    status, headers, _ = browser.get(f"/login?token={tokens['regie']}&next=/rooms/plenary/control")
    assert status == 303 and headers["Location"] == "/rooms/plenary/control"
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and tokens["regie"] not in cookie
    assert browser.get("/rooms/plenary/control")[0] == 200
    status, reply = browser.post("/api/rooms/plenary/commands", {"command": "start"})
    assert status == 200 and reply["ok"], reply  # through the display's CURVE link (role operator)
    assert browser.get("/login?token=x&next=//evil.example")[0] == 401  # never redirects off site


def test_a_rotated_token_ends_its_sessions_without_a_restart(secured):
    keys, tokens, _, display, _ = secured
    browser = Browser(display.base)
    browser.get(f"/login?token={tokens['regie']}&next=/")
    assert browser.get("/rooms/plenary/control")[0] == 200
    fresh = podium("tokens", "new", "regie", "--role", "operator", "--dir", str(keys))
    assert browser.get("/rooms/plenary/control")[0] == 401, "the old session ended"
    assert Browser(display.base).get(f"/login?token={tokens['regie']}&next=/")[0] == 401
    renewed = Browser(display.base)
    assert renewed.get(f"/login?token={fresh}&next=/")[0] == 303
    assert renewed.get("/rooms/plenary/control")[0] == 200


def test_booth_consoles_are_public_to_watch_and_the_chief_needs_a_chief_login(secured):
    _, tokens, _, _, booth = secured
    browser = Browser(booth.base)
    assert browser.get("/rooms/plenary/booths/en")[0] == 200
    assert browser.get("/chief")[0] == 401
    status, reply = browser.post("/api/rooms/plenary/commands",
                                 {"command": "takeMic", "args": {"booth": "en", "interpreter": "helen"}})
    assert status == 401 and reply["error"]["code"] == "unauthorized", reply  # test_booth_tablets.py pairs one
    status, reply = browser.post("/api/rooms/plenary/commands", {"command": "setFloorLanguage", "args": {"language": "fr"}})
    assert status == 401 and reply["error"]["code"] == "unauthorized"
    browser.get(f"/login?token={tokens['chief']}&next=/chief")
    assert browser.get("/chief")[0] == 200
    status, reply = browser.post("/api/rooms/plenary/commands",
                                 {"command": "takeMic", "args": {"booth": "en", "interpreter": "helen"}})
    assert status not in (401, 403), reply  # the chief acts for any booth; forwarded over CURVE: the daemon decides
    assert reply.get("error", {}).get("code") not in ("unauthorized", "forbidden"), reply
    status, reply = browser.post("/api/rooms/plenary/commands", {"command": "setFloorLanguage", "args": {"language": "fr"}})
    assert status == 200 and reply["ok"], reply


def test_a_plugin_refuses_to_serve_beyond_loopback_with_every_page_open(tmp_path, podiumd):
    result = subprocess.run([str(BIN_DIR / "podium-display"), "--address", "0.0.0.0:0", "--endpoint",
                             podiumd.command_endpoint, "--updates", podiumd.update_endpoint],
                            capture_output=True, text=True, timeout=30, env=hermetic_environment())
    assert result.returncode != 0
    assert "not loopback and no web-tokens.yaml exists" in result.stderr


def test_public_pages_are_rate_limited_per_address(tmp_path, podiumd):
    display = RoomDisplay(tmp_path, podiumd)
    display.extra_arguments = ["--requests-per-minute", "40"]
    display.start()  # its readiness probe spends a few requests
    try:
        browser = Browser(display.base)
        statuses = [browser.get("/rooms/plenary/door")[0] for _ in range(45)]
        assert 200 in statuses and statuses[-1] == 429, statuses
        status, headers, body = browser.get("/rooms/plenary/door")
        assert status == 429 and int(headers["Retry-After"]) >= 1 and "rate_limited" in body
    finally:
        display.kill()
