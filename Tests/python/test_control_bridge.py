"""The control bridge (podium-control) against a real daemon: rooms' variables and commands over
HTTP, the OpenAPI document (checked by Schemathesis), tokens with role and room scope, live
variables and commands over a WebSocket, and bad input that changes nothing."""
import json
import subprocess
import time
import urllib.request

import pytest
import websocket

from conftest import BIN_DIR, REPO, ControlBridge, Podiumd, hermetic_environment, wait_until


@pytest.fixture
def bridge(tmp_path, podiumd):
    """podium-control without logins (loopback), following the `podiumd` fixture's daemon."""
    server = ControlBridge(tmp_path, podiumd)
    server.extra_arguments = ["--requests-per-minute", "100000"]
    try:
        yield server.start()
    finally:
        server.kill()


def socket_url(bridge, room):
    return bridge.url(f"/api/v1/rooms/{room}/live").replace("http://", "ws://")


def next_message(socket, kind, timeout=5, where=lambda message: True):
    """The next message of `kind` the socket sends that `where` accepts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        socket.settimeout(max(0.05, deadline - time.monotonic()))
        message = json.loads(socket.recv())
        if message["type"] == kind and where(message):
            return message
    pytest.fail(f"no {kind} message within {timeout} s")


def test_rooms_and_their_variables_before_and_after_commands(bridge):
    status, listing = bridge.call("GET", "/api/v1/rooms")
    assert status == 200
    assert [room["room"] for room in listing["rooms"]] == ["plenary", "atelier"]
    idle = bridge.variables("plenary")
    assert (idle["phase"], idle["running"], idle["onAir"], idle["timeLeft"]) == ("idle", False, False, "")
    assert idle["nextTitle"] == "Opening keynote" and idle["roomName"] == "Plénière"
    assert idle["booths"][0]["booth"] == "en" and idle["connected"] is True

    status, reply = bridge.command("plenary", "start")
    assert status == 200 and reply["ok"] is True and reply["ack"]["events"], reply
    # The bridge follows the daemon's updates: an acknowledged change shows a moment later.
    running = wait_until(lambda: (lambda v: v["onAir"] and v)(bridge.variables("plenary")), 5, "on air")
    assert running["onAir"] and running["phase"] in ("normal", "warning")
    assert running["currentTitle"] == "Opening keynote" and running["currentSpeaker"] == "Amina Benali"
    assert running["floorLanguage"] == "ar"
    minutes, seconds = running["timeLeft"].split(":")
    assert int(minutes) * 60 + int(seconds) == running["timeLeftSeconds"] > 0

    assert bridge.command("plenary", "addTime", seconds=120)[0] == 200
    wait_until(lambda: bridge.variables("plenary")["timeLeftSeconds"] >= running["timeLeftSeconds"] + 115, 5,
               "two more minutes")
    assert bridge.command("plenary", "showMessage", text="Conclure, s'il vous plaît", blink=True)[0] == 200
    assert bridge.command("plenary", "pause")[0] == 200
    paused = wait_until(lambda: (lambda v: v["paused"] and v)(bridge.variables("plenary")), 5, "paused")
    assert paused["message"] == "Conclure, s'il vous plaît" and paused["messageBlink"] is True
    assert paused["paused"] and not paused["onAir"]
    # Interpretation and questions go through too (an open bridge acts as an operator).
    assert bridge.command("plenary", "setFloorLanguage", language="fr")[0] == 200
    wait_until(lambda: bridge.variables("plenary")["floorLanguage"] == "fr", 5, "the floor in French")


def test_bad_input_is_refused_clearly_and_changes_nothing(bridge, podiumd):
    before = podiumd.snapshot()["seq"]
    refusals = [
        (bridge.command("plenary", "addTime", minutes=2), 400, "invalid_argument", "minutes"),
        (bridge.command("plenary", "addTime", seconds="soon"), 400, "invalid_argument", "seconds"),
        (bridge.command("plenary", "noSuchCommand"), 400, "unknown_command", "command"),
        (bridge.command("nowhere", "start"), 404, "unknown_room", "room"),
        (bridge.command("plenary", "submitQuestion", text="Hello?"), 403, "out_of_scope", "command"),
        (bridge.command("plenary", "addTime", seconds=60), 409, "not_allowed_in_state", None),
        (bridge.call("GET", "/api/v1/rooms/nowhere"), 404, "unknown_room", "room"),
        (bridge.call("GET", "/api/v1/rooms/plenary/live"), 400, "malformed", None),
    ]
    for (status, reply), expected_status, code, field in refusals:
        assert status == expected_status and reply["ok"] is False, reply
        assert reply["error"]["code"] == code and reply["error"].get("field") == field, reply
        assert reply["error"]["message"]
    raw = [
        (b"[1, 2]", {"Content-Type": "application/json"}, 400, "malformed"),
        (b"{not json", {"Content-Type": "application/json"}, 400, "malformed"),
        (b'{"text": "hi"}', {"Content-Type": "text/plain"}, 415, "unsupported_media_type"),
        (b'{"text": "hi"}', {"Content-Type": "application/json", "Origin": "http://evil.example"}, 403, "cross_origin"),
        (b'{"text": "' + b"x" * 20000 + b'"}', {"Content-Type": "application/json"}, 413, "message_too_large"),
    ]
    for body, headers, expected_status, code in raw:
        request = urllib.request.Request(bridge.url("/api/v1/rooms/plenary/commands/showMessage"), data=body,
                                         method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, reply = response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            status, reply = error.code, json.loads(error.read())
        assert (status, reply["error"]["code"]) == (expected_status, code), (body[:40], reply)
    assert podiumd.snapshot()["seq"] == before


def test_the_served_openapi_document_is_the_one_in_docs(bridge):
    with urllib.request.urlopen(bridge.url("/api/v1/openapi.json"), timeout=10) as response:
        served = json.loads(response.read())
    assert served == json.loads((REPO / "docs" / "control-api.json").read_text()), (
        "docs/control-api.json is stale: .build/debug/podium-control --openapi > docs/control-api.json")
    assert served["openapi"] == "3.1.0"
    commands = {path.rsplit("/", 1)[1] for path in served["paths"] if "/commands/" in path}
    assert {"start", "addTime", "showMessage", "setRoomFull", "takeMic", "approveQuestion"} <= commands
    assert "submitQuestion" not in commands and "voteQuestion" not in commands


def schemathesis_program():
    from shutil import which
    found = which("schemathesis") or which("st")
    if not found:
        pytest.fail("needs schemathesis: run scripts/install-deps --test")
    return found


def test_the_websocket_pushes_variables_on_change_and_every_second_and_takes_commands(bridge):
    socket = websocket.create_connection(socket_url(bridge, "plenary"), timeout=5)
    try:
        first = next_message(socket, "variables")
        assert first["variables"]["room"] == "plenary" and first["variables"]["phase"] == "idle"
        # Once a second while nothing changes.
        stamps = [next_message(socket, "variables")["variables"]["asOf"] for _ in range(3)]
        assert len(set(stamps)) == 3
        # A change made elsewhere (HTTP) arrives at once.
        assert bridge.command("plenary", "start")[0] == 200
        on_air = next_message(socket, "variables", where=lambda message: message["variables"]["onAir"])
        assert on_air["variables"]["currentTitle"] == "Opening keynote"
        # A command on the socket is answered with its id.
        socket.send(json.dumps({"id": "b1", "command": "addTime", "args": {"seconds": 60}}))
        result = next_message(socket, "result")
        assert (result["id"], result["ok"]) == ("b1", True) and result["ack"]["events"], result
        socket.send(json.dumps({"id": "b2", "command": "addTime", "args": {"seconds": "later"}}))
        refused = next_message(socket, "result")
        assert (refused["id"], refused["ok"], refused["error"]["code"]) == ("b2", False, "invalid_argument")
        socket.send("not json")
        assert next_message(socket, "result")["error"]["code"] == "malformed"
    finally:
        socket.close()


def test_a_websocket_flooding_commands_is_limited_and_the_others_keep_their_variables(bridge, podiumd):
    assert bridge.command("plenary", "start")[0] == 200
    flooder = websocket.create_connection(socket_url(bridge, "plenary"), timeout=5)
    watcher = websocket.create_connection(socket_url(bridge, "atelier"), timeout=5)
    try:
        for index in range(200):
            flooder.send(json.dumps({"id": f"f{index}", "command": "showMessage", "args": {"text": f"flood {index}"}}))
        codes = []
        while len(codes) < 200:
            message = next_message(flooder, "result", timeout=20)
            codes.append("ok" if message["ok"] else message["error"]["code"])
        assert "rate_limited" in codes and codes.count("ok") >= 20, codes
        # The other socket got its once-a-second variables throughout.
        assert next_message(watcher, "variables", timeout=2)["variables"]["room"] == "atelier"
        wait_until(lambda: bridge.variables("plenary")["message"].startswith("flood"), 5, "a flood message")
    finally:
        flooder.close()
        watcher.close()


def refusal(url, **options):
    """What a socket that may not open gets: its one message and the close code."""
    socket = websocket.create_connection(url, timeout=5, **options)
    try:
        message = json.loads(socket.recv())
        opcode, data = socket.recv_data(control_frame=True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE, (opcode, data)
        return message, int.from_bytes(data[:2], "big")
    finally:
        socket.close()


def test_a_websocket_from_another_site_or_of_an_unknown_room_is_refused(bridge):
    message, code = refusal(socket_url(bridge, "plenary"), origin="http://evil.example")
    assert (message["type"], message["error"]["code"], code) == ("refused", "cross_origin", 4403)
    message, code = refusal(socket_url(bridge, "nowhere"))
    assert (message["error"]["code"], message["error"]["field"], code) == ("unknown_room", "room", 4404)


def podium(*args):
    result = subprocess.run([str(BIN_DIR / "podium"), *args], capture_output=True, text=True, timeout=30,
                            env=hermetic_environment())
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def secured(tmp_path, conference_file):
    """CURVE keys on the ZeroMQ links and login tokens: an operator of plenary only, an operator
    of every room, a chief interpreter, a moderator and booth plenary/en's tablet."""
    keys = tmp_path / "keys"
    podium("keys", "new", "podiumd", "--role", "daemon", "--dir", str(keys))
    podium("keys", "new", "control", "--role", "operator", "--dir", str(keys))
    tokens = {
        "plenary": podium("tokens", "new", "deck-plenary", "--role", "operator", "--room", "plenary", "--dir", str(keys)),
        "everywhere": podium("tokens", "new", "regie", "--role", "operator", "--dir", str(keys)),
        "chief": podium("tokens", "new", "chief", "--role", "chief", "--dir", str(keys)),
        "moderator": podium("tokens", "new", "moderation", "--role", "moderator", "--dir", str(keys)),
        "booth": podium("tokens", "new", "tablet-en", "--role", "booth", "--booth", "plenary/en", "--dir", str(keys)),
    }
    daemon = Podiumd(tmp_path, conference_file)
    daemon.extra_environment = {"PODIUM_KEYS_DIR": str(keys)}
    bridge = ControlBridge(tmp_path, daemon, token=tokens["everywhere"])
    bridge.extra_environment = {"PODIUM_KEYS_DIR": str(keys), "PODIUM_KEY": "control"}
    bridge.extra_arguments = ["--requests-per-minute", "100000"]
    try:
        daemon.start()
        bridge.start()
        yield tokens, daemon, bridge
    finally:
        bridge.kill()
        daemon.kill()


def test_tokens_have_roles_and_rooms(secured):
    tokens, daemon, bridge = secured
    assert bridge.call("GET", "/api/v1/rooms", token="not-a-token")[0] == 401
    anonymous = ControlBridge(bridge.workdir, daemon)
    anonymous.base = bridge.base
    assert anonymous.call("GET", "/api/v1/rooms/plenary")[0] == 401
    status, reply = anonymous.command("plenary", "start")
    assert status == 401 and reply["error"]["code"] == "unauthorized"
    # An operator of one room sees and acts in that room only.
    status, listing = bridge.call("GET", "/api/v1/rooms", token=tokens["plenary"])
    assert status == 200 and [room["room"] for room in listing["rooms"]] == ["plenary"]
    status, reply = bridge.command("atelier", "start", token=tokens["plenary"])
    assert status == 403 and reply["error"]["field"] == "room" and "plenary" in reply["error"]["message"]
    assert bridge.call("GET", "/api/v1/rooms/atelier", token=tokens["plenary"])[0] == 403
    # Roles: a moderator cannot time a session, a booth tablet cannot set the floor.
    status, reply = bridge.command("plenary", "start", token=tokens["moderator"])
    assert status == 403 and reply["error"]["code"] == "out_of_scope", reply
    status, reply = bridge.command("plenary", "setFloorLanguage", token=tokens["booth"], language="fr")
    assert status == 403 and reply["error"]["code"] == "out_of_scope", reply
    time.sleep(0.2)  # a change that went through would show by now
    rooms = bridge.call("GET", "/api/v1/rooms")[1]["rooms"]
    assert not any(room["running"] or room["floorLanguage"] == "fr" for room in rooms), rooms
    # What each may do goes through.
    assert bridge.command("plenary", "start", token=tokens["plenary"])[0] == 200
    assert bridge.command("atelier", "start", token=tokens["everywhere"])[0] == 200
    assert bridge.command("plenary", "setFloorLanguage", token=tokens["chief"], language="fr")[0] == 200
    assert bridge.command("plenary", "slowDown", token=tokens["booth"], booth="en")[0] == 200
    status, reply = bridge.command("plenary", "slowDown", token=tokens["booth"], booth="fr")
    assert status == 403 and reply["error"]["field"] == "booth" and "plenary/en" in reply["error"]["message"], reply
    wait_until(lambda: bridge.variables("plenary")["slowDown"], 5, "the booth's slow-down request")
    # The WebSocket takes the same tokens: none, or one for another room, is refused.
    url = socket_url(bridge, "atelier")
    message, code = refusal(url)
    assert (message["error"]["code"], code) == ("unauthorized", 4401)
    message, code = refusal(url, header=[f"Authorization: Bearer {tokens['plenary']}"])
    assert (message["error"]["code"], message["error"]["field"], code) == ("forbidden", "room", 4403)
    socket = websocket.create_connection(url, timeout=5, header=[f"Authorization: Bearer {tokens['everywhere']}"])
    try:
        assert next_message(socket, "variables")["variables"]["onAir"] is True
    finally:
        socket.close()


def test_schemathesis_finds_no_server_error_and_every_response_conforms(secured, tmp_path):
    """Schemathesis (PyPI) generates valid and invalid calls of every operation from the document,
    against the bridge as it runs in production: CURVE to the daemon, login tokens."""
    tokens, _, bridge = secured
    result = subprocess.run(
        [str(schemathesis_program()), "run", bridge.url("/api/v1/openapi.json"),
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                     "response_schema_conformance,negative_data_rejection",
         "--phases", "examples,coverage,fuzzing", "--max-examples", "15", "--workers", "2",
         "--request-timeout", "10", "--header", f"Authorization: Bearer {tokens['everywhere']}", "--suppress-health-check", "all",
         "--report", "junit", "--report-dir", str(tmp_path / "schemathesis")],
        capture_output=True, text=True, timeout=900, cwd=tmp_path)
    tail = (result.stdout + result.stderr)[-6000:]
    assert result.returncode == 0, tail
    assert "passed" in tail.lower(), tail
    assert bridge.process.poll() is None, "the bridge died under Schemathesis"
