"""The plugins behind Debian's nginx with TLS, as phones on mobile data reach them: the shipped
site configuration (config/nginx) in front, a self-signed certificate, pages and live feeds in
a real Chromium through it. Behind the proxy the plugins see the real client (rate limits per
device address), set Secure cookies, and believe X-Forwarded-* from the proxy only."""
import json
import subprocess
import time
import urllib.request

import pytest

from conftest import QuestionsPlugin, RoomDisplay, start_chromium, wait_until
from nginx_front import NginxFront

LIMIT = 4  # posts per client address per minute on the Q&A plugin


@pytest.fixture
def front(tmp_path, podiumd):
    """nginx with TLS in front of podium-display and podium-qa (both told their public URLs and
    the trusted proxy), yielding (nginx, display, qa)."""
    nginx = NginxFront(tmp_path)
    display = RoomDisplay(tmp_path, podiumd)
    qa = QuestionsPlugin(tmp_path, podiumd, address_requests_per_minute=LIMIT)
    for plugin in (display, qa):
        plugin.extra_environment = nginx.environment()
    try:
        display.start()
        qa.start()
        nginx.start({"display": int(display.base.rsplit(":", 1)[1]), "questions": int(qa.base.rsplit(":", 1)[1])})
        yield nginx, display, qa
    finally:
        nginx.stop()
        qa.kill()
        display.kill()


def headers_of(result):
    """The response headers curl -i printed, lower-cased names; and the status."""
    head = result.stdout.split("\n\n", 1)[0].splitlines()  # text mode: curl's CRLFs read as newlines
    return int(head[0].split()[1]), {k.lower(): v for k, v in (line.split(": ", 1) for line in head[1:] if ": " in line)}


def test_tls_hsts_and_the_plain_port_redirects(front):
    nginx, _, _ = front
    status, headers = headers_of(nginx.curl("display", "/rooms/plenary/door", "-i"))
    assert status == 200, headers
    assert headers["strict-transport-security"] == "max-age=31536000"
    assert "default-src 'self'" in headers["content-security-policy"]  # the plugin's own headers pass
    status, headers = headers_of(nginx.curl("display", "/rooms/plenary/door", "-i", tls=False))
    assert status == 301 and headers["location"] == "https://screens.venue.test/rooms/plenary/door", headers


def test_the_live_feed_passes_through_unbuffered(front):
    nginx, _, _ = front
    started = time.monotonic()
    result = nginx.curl("display", "/live?room=plenary&screen=nginx-probe&kind=door", "-N", "-i", timeout=3)
    elapsed = time.monotonic() - started
    assert result.returncode == 28, result.stderr  # still open when curl gave up: a live stream
    assert "content-type: text/event-stream" in result.stdout.lower()
    assert "event: state" in result.stdout and "event: clock" in result.stdout, result.stdout[:400]
    assert elapsed < 6


def test_rate_limits_count_against_the_real_client_not_the_proxy(front):
    nginx, _, qa = front

    def post(source, *headers, direct=False):
        body = ["-X", "POST", "-H", "Content-Type: application/json", "--data", json.dumps({"text": "Une question ?"}),
                "-o", "/dev/null", "-w", "%{http_code}", *headers]
        if direct:  # straight to the plugin, skipping nginx
            return int(subprocess.run(["curl", "-sS", "--interface", source, *body, qa.url("/api/rooms/plenary/questions")],
                                      capture_output=True, text=True, timeout=20).stdout)
        return int(nginx.curl("questions", "/api/rooms/plenary/questions", *body, source=source).stdout)

    # One phone spends its address's posts; the next phone, on another address, still can.
    assert [post("127.0.0.3") for _ in range(LIMIT)] == [201] * LIMIT
    assert post("127.0.0.3") == 429
    assert post("127.0.0.4") == 201
    # A forged X-Forwarded-For through the proxy does not move the count (nginx appends the real one) …
    assert [post("127.0.0.4", "-H", f"X-Forwarded-For: 10.9.9.{i}") for i in range(LIMIT)][-1] == 429
    # … nor does one sent straight to the plugin by a peer it does not trust.
    codes = [post("127.0.0.5", "-H", f"X-Forwarded-For: 10.8.8.{i}", "-H", "X-Forwarded-Proto: https", direct=True)
             for i in range(LIMIT + 1)]
    assert codes == [201] * LIMIT + [429], codes


def test_cookies_are_secure_behind_tls_only(front):
    nginx, _, qa = front
    _, headers = headers_of(nginx.curl("questions", "/rooms/plenary/ask", "-i"))
    assert "podium_device=" in headers["set-cookie"] and "; Secure" in headers["set-cookie"], headers
    with urllib.request.urlopen(qa.url("/rooms/plenary/ask"), timeout=10) as direct:
        cookie = direct.headers["Set-Cookie"]
    assert "podium_device=" in cookie and "Secure" not in cookie, cookie


def test_in_chromium_a_door_through_tls_counts_and_its_control_page_changes_it(front):
    nginx, display, _ = front
    driver = start_chromium(extra_arguments=nginx.chromium_arguments())
    try:
        assert display.command("plenary", "start")[0] in (200, 409)  # 409: already started
        driver.get(nginx.origin("display") + "/rooms/plenary/door?lang=fr")
        wait_until(lambda: driver.execute_script(
            "return location.protocol === 'https:' && /\\d+:\\d\\d/.test(document.getElementById('time-left').textContent)"),
            15, "the door to count through the proxy")
        # A change from the control page's origin (its public URL) reaches the door over the proxy.
        outcome = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch('/api/rooms/plenary/commands', {method: 'POST', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({command: 'setRoomFull', args: {full: true}})}).then(r => done(r.status), e => done(String(e)));""")
        assert outcome == 200, outcome
        wait_until(lambda: driver.execute_script("return !document.getElementById('full-banner').hidden"), 10,
                   "the room-full banner on the door")
    finally:
        driver.quit()
