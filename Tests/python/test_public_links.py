"""Public URLs: a door screen's question link and QR code are where phones reach the Q&A plugin
(`public.questions`, PODIUM_QA_URL), never a loopback address shown to a screen elsewhere."""
import pytest
import requests

from conftest import RoomDisplay, wait_until, write_conference
from pages import shown, text

LOOPBACK_LINK = "http://127.0.0.1:8473/rooms/plenary/ask?lang=ar"
PUBLIC = "https://ask.venue.example"


@pytest.fixture
def conference_file(tmp_path):
    """The test conference with a questions page on this machine, as the demo's file has it."""
    path = write_conference(tmp_path / "conference.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    names: {ar: القاعة الكبرى, en: Plenary}\n",
        f"    names: {{ar: القاعة الكبرى, en: Plenary}}\n    questions: {LOOPBACK_LINK}\n", 1), encoding="utf-8")
    assert LOOPBACK_LINK in path.read_text(encoding="utf-8")
    return path


def link(display, host=None):
    headers = {"Host": host} if host else {}
    reply = requests.get(display.url("/rooms/plenary/qa-link"), headers=headers, timeout=5)
    qr = requests.get(display.url("/rooms/plenary/qa-qr.svg"), headers=headers, timeout=5)
    assert qr.status_code == reply.status_code, (reply.status_code, qr.status_code)
    return reply.json()["url"] if reply.status_code == 200 else None


def test_a_loopback_link_is_shown_only_to_screens_on_this_machine(podiumd, display):
    assert link(display) == LOOPBACK_LINK
    assert link(display, "localhost:8471") == LOOPBACK_LINK
    # A door screen on the venue's network reached the display at its LAN address: no phone
    # could open 127.0.0.1, so it gets no link and no code.
    assert link(display, "192.168.10.5:8471") is None
    assert link(display, "screens.venue.example") is None


def test_the_public_origin_of_the_questions_moves_the_link_for_every_screen(tmp_path, podiumd, browser):
    server = RoomDisplay(tmp_path, podiumd)
    server.extra_environment = {"PODIUM_QA_URL": PUBLIC + "/"}
    try:
        server.start()
        expected = PUBLIC + "/rooms/plenary/ask?lang=ar"
        assert link(server) == expected
        assert link(server, "192.168.10.5:8471") == expected
        svg = requests.get(server.url("/rooms/plenary/qa-qr.svg"), timeout=5)
        assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.count("h1v1h-1z") > 100
        browser.get(server.url("/rooms/plenary/door"))
        wait_until(lambda: shown(browser, "#qa") and text(browser, "#qa-url") == expected, 15,
                   "the door to show the public questions link")
        wait_until(lambda: browser.execute_script(
            "const i = document.getElementById('qa-qr'); return i.complete && i.naturalWidth > 0"), 15,
            "the QR code to load")
    finally:
        server.kill()


def test_a_public_origin_with_a_path_is_refused_naming_the_rule(tmp_path, podiumd):
    server = RoomDisplay(tmp_path, podiumd)
    server.extra_environment = {"PODIUM_QA_URL": "https://ask.venue.example/qa"}
    process = server.run_to_exit()
    assert process.returncode != 0
    assert "PODIUM_QA_URL" in process.stderr and "origin only" in process.stderr, process.stderr
