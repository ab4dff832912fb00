"""The venue edge: each page's API forwards only its own page's commands, whatever the ZeroMQ
security mode, and changes state only when asked by the plugin's own pages (same origin, JSON).
Every refusal is checked against the daemon: its sequence does not move."""
import http.server
import json
import threading
import time
import urllib.error
import urllib.request

from conftest import RoomDisplay, wait_until


def raw_post(base, path, data, headers):
    """A POST with exactly these bytes and headers; returns (status, reply as a dict)."""
    request = urllib.request.Request(base + path, data=data, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def seq(podiumd):
    return podiumd.snapshot()["seq"]


def room_state(podiumd, room="plenary"):
    entries = podiumd.snapshot(f"room/{room}")["entries"]
    return next(entry["value"]["state"] for entry in entries if entry["topic"] == f"room/{room}")


def test_each_api_forwards_only_its_own_pages_commands(podiumd, display, booth, qa):
    assert display.command("plenary", "start")[0] == 200
    before = seq(podiumd)
    refused = [
        (booth, "end", {}, "the booth consoles", "the operator's"),
        (booth, "showMessage", {"text": "from a booth"}, "the booth consoles", "the operator's"),
        (display, "approveQuestion", {"question": "q1", "by": "x"}, "the control page", "a moderator's"),
        (display, "takeMic", {"booth": "en", "interpreter": "x"}, "the control page", "a booth's"),
        (display, "setFloorLanguage", {"language": "en"}, "the control page", "the chief interpreter's"),
        (booth, "submitQuestion", {"question": "q9", "text": "hello", "device": "d"}, "the booth consoles",
         "the audience's"),
    ]
    for plugin, command, args, surface, whose in refused:
        status, reply = plugin.command("plenary", command, **args)
        assert status == 403, (command, status, reply)
        error = reply["error"]
        assert error["code"] == "out_of_scope" and error["field"] == "command", reply
        assert f"'{command}' is {whose} command" in error["message"] and surface in error["message"], reply
    status, reply = qa.moderate("plenary", "end")
    assert status == 403 and reply["error"]["code"] == "out_of_scope", reply
    assert "the moderators' console" in reply["error"]["message"], reply
    status, reply = display.command("plenary", "explode")
    assert status == 400 and reply["error"]["code"] == "unknown_command", reply
    assert seq(podiumd) == before, "a refused command changed the daemon's state"
    assert room_state(podiumd)["currentSessionId"], "the booth plugin ended the session"
    # What each page does send still goes through.
    assert display.command("plenary", "addTime", seconds=60)[0] == 200
    assert seq(podiumd) == before + 1


def test_a_change_comes_only_from_the_plugins_own_origin_as_json(podiumd, display, qa):
    body = json.dumps({"command": "showMessage", "args": {"text": "forged"}}).encode()
    path = "/api/rooms/plenary/commands"
    own = display.base  # http://127.0.0.1:PORT
    before = seq(podiumd)
    for headers, status, code in [
        ({"Content-Type": "application/json", "Origin": "http://evil.example"}, 403, "cross_origin"),
        ({"Content-Type": "application/json", "Origin": "null"}, 403, "cross_origin"),
        ({"Content-Type": "application/json", "Origin": own.replace("127.0.0.1", "localhost")}, 403, "cross_origin"),
        ({"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"}, 403, "cross_origin"),
        ({"Content-Type": "application/json", "Sec-Fetch-Site": "same-site"}, 403, "cross_origin"),
        ({"Content-Type": "text/plain"}, 415, "unsupported_media_type"),
        ({"Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
        ({}, 415, "unsupported_media_type"),
        ({"Content-Type": "text/plain", "Origin": own}, 415, "unsupported_media_type"),
    ]:
        got, reply = raw_post(own, path, body, headers)
        assert (got, reply.get("error", {}).get("code")) == (status, code), (headers, got, reply)
    got, reply = raw_post(qa.base, "/api/rooms/plenary/questions", json.dumps({"text": "forged?"}).encode(),
                          {"Content-Type": "application/json", "Origin": "http://evil.example"})
    assert got == 403 and reply["error"]["code"] == "cross_origin", reply
    got, reply = raw_post(qa.base, "/api/rooms/plenary/questions/q1/vote", b"", {"Content-Type": "text/plain"})
    assert got == 415, reply
    assert seq(podiumd) == before, "a refused post changed the daemon's state"
    assert qa.moderation("plenary")["questions"] == []
    # Reading stays open to any origin; the plugin's own pages (and clients that are no browser) may change.
    assert raw_post(own, path, body, {"Content-Type": "application/json", "Origin": own})[0] == 200
    assert raw_post(own, path, body, {"Content-Type": "application/json; charset=utf-8",
                                      "Sec-Fetch-Site": "same-origin"})[0] == 200
    assert raw_post(own, path, body, {"Content-Type": "application/json"})[0] == 200
    assert seq(podiumd) == before + 3


class BehindProxy(RoomDisplay):
    def arguments(self):
        return ["--public-url", "https://venue.example/", "--public-url", "http://192.0.2.10:8080"]


def test_a_public_url_is_one_of_the_plugins_own_origins(tmp_path, podiumd):
    server = BehindProxy(tmp_path, podiumd)
    try:
        server.start()
        body = json.dumps({"command": "showMessage", "args": {"text": "via the proxy"}}).encode()
        for origin, status in [("https://venue.example", 200), ("http://192.0.2.10:8080", 200),
                               ("http://venue.example", 403), ("https://venue.example.evil.example", 403),
                               ("http://192.0.2.10:8081", 403)]:
            got, reply = raw_post(server.base, "/api/rooms/plenary/commands", body,
                                  {"Content-Type": "application/json", "Origin": origin})
            assert got == status, (origin, got, reply)
    finally:
        server.kill()


FOREIGN_PAGE = """<!doctype html><html><body><form id="f" method="post" enctype="text/plain" target="sink"
action="{target}"><input name='{{"command":"showMessage","args":{{"text":"form","x":"' value='"}}}}'></form>
<iframe name="sink"></iframe><script>
window.outcomes = [];
var url = "{target}";
var forged = JSON.stringify({{command: "showMessage", args: {{text: "forged by another site"}}}});
fetch(url, {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}}, body: forged}})
  .then(function () {{ window.outcomes.push("no-cors sent"); }}, function (e) {{ window.outcomes.push("no-cors " + e); }});
fetch(url, {{method: "POST", headers: {{"Content-Type": "application/json"}}, body: forged}})
  .then(function (r) {{ window.outcomes.push("json " + r.status); }}, function (e) {{ window.outcomes.push("json blocked"); }});
document.getElementById("f").submit();
window.outcomes.push("form sent");
</script></body></html>"""


def test_a_page_of_another_origin_in_chromium_changes_nothing(podiumd, display, browser):
    target = display.url("/api/rooms/plenary/commands")
    page = FOREIGN_PAGE.format(target=target).encode()

    class Foreign(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    foreign = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Foreign)
    threading.Thread(target=foreign.serve_forever, daemon=True).start()
    try:
        before = seq(podiumd)
        browser.get(f"http://127.0.0.1:{foreign.server_address[1]}/")
        wait_until(lambda: len(browser.execute_script("return window.outcomes")) >= 3, 10,
                   "the foreign page to send its three posts")
        time.sleep(1)  # whatever reached the plugin has been forwarded by now
        outcomes = browser.execute_script("return window.outcomes")
        assert "no-cors sent" in outcomes and "json blocked" in outcomes, outcomes
        assert seq(podiumd) == before, "a page of another origin changed the daemon's state"
        assert room_state(podiumd).get("message") is None
    finally:
        foreign.shutdown()
