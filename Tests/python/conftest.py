"""Shared fixtures: a real podiumd on a temporary data directory and free ports.

    def test_something(podiumd):
        podiumd.request({"type": "hello"})      # raw request, returns the reply as a dict
        podiumd.cli("start", "plenary")          # the podium CLI against this daemon
        podiumd.kill(); podiumd.start()          # kill -9, restart on the same ports and data

    def test_page(display, browser):            # podium-display against that daemon, one Chromium
        browser.get(display.url("/rooms/plenary/door"))

    def test_console(booth, browser):           # podium-booth against that daemon
        browser.get(booth.url("/rooms/plenary/booths/en"))

The binaries come from $PODIUM_BIN_DIR (default .build/debug, relative to the repository).
"""
import json
import os
import select
import signal
import subprocess
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import zmq

REPO = Path(__file__).resolve().parents[2]
BIN_DIR = REPO / os.environ.get("PODIUM_BIN_DIR", ".build/debug")  # an absolute value replaces REPO
START_TIMEOUT = 30.0
REPLY_TIMEOUT = 5.0


def wait_until(condition, timeout, what, interval=0.05):
    """Calls condition() until it returns something truthy; fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def instant(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_conference(path, now=None):
    """Two rooms with sessions around now (whole minutes, UTC):

    plenary: opening  now-10m … now+20m (2 speakers), panel  now+30m … now+75m
    atelier: workshop now-5m  … now+55m,              closing now+55m … now+85m (no gap)
    """
    now = (now or datetime.now(timezone.utc)).replace(second=0, microsecond=0)
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    path.write_text(f"""\
conference:
  id: pytest
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
    booths:
      - {{id: en, language: en, channel: 2, from: [ar, fr]}}
  - id: atelier
    name: Atelier B
sessions:
  - id: opening
    room: plenary
    title: Opening keynote
    start: {at(-10)}
    end: {at(20)}
    speakers:
      - {{name: Amina Benali, language: ar}}
      - {{name: Jean Dupont, language: fr}}
  - id: panel
    room: plenary
    title: Panel
    start: {at(30)}
    duration: 45m
  - id: workshop
    room: atelier
    title: Workshop
    start: {at(-5)}
    duration: 1h
    language: fr
  - id: closing
    room: atelier
    title: Closing
    start: {at(55)}
    duration: 30m
""", encoding="utf-8")
    return path


HOSTILE_TITLE = '<img src=x onerror="window.__xss=1"> <b>Panel</b> & co'
ARABIC_TITLE = "الجلسة الافتتاحية: Podium 2026 في 3 لغات"


def yaml_string(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_display_conference(path, now=None, opening_title=ARABIC_TITLE, panel_title=HOSTILE_TITLE,
                             time_zone="Europe/Paris"):
    """The room display's test conference, to the second (UTC), starting on time:

    plenary: opening now … now+20m (2 speakers; titled in Arabic mixed with Latin and digits,
             with fr/en translations), panel now+21m … now+66m (hostile markup by default)
    atelier: workshop now-5m … now+55m (a French title, no translation), closing now+55m … now+85m
    """
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    path.write_text(f"""\
conference:
  id: pytest-display
  name: Pytest conference
  names: {{ar: مؤتمر الاختبار}}
  timeZone: {time_zone}
  languages:
    - {{code: ar, name: العربية}}
    - {{code: fr, name: Français}}
    - {{code: en, name: English}}
rooms:
  - id: plenary
    name: Plénière
    names: {{ar: القاعة الكبرى, en: Plenary}}
    questions: https://questions.example/plenary?from=door&lang=fr
    booths:
      - {{id: en, language: en, channel: 2, from: [ar, fr]}}
      - {{id: fr, language: fr, channel: 1, from: [ar]}}
  - id: atelier
    name: Atelier B
sessions:
  - id: opening
    room: plenary
    title: {yaml_string(opening_title)}
    titles: {{fr: "Séance d’ouverture 2026", en: Opening keynote}}
    start: {at(0)}
    end: {at(20)}
    speakers:
      - {{name: Amina Benali, language: ar}}
      - {{name: Jean Dupont, language: fr}}
  - id: panel
    room: plenary
    title: {yaml_string(panel_title)}
    start: {at(21)}
    duration: 45m
  - id: workshop
    room: atelier
    title: "Atelier d’interprétation"
    start: {at(-5)}
    duration: 1h
    language: fr
  - id: closing
    room: atelier
    title: Closing
    start: {at(55)}
    duration: 30m
""", encoding="utf-8")
    return path


def hermetic_environment():
    """The environment without PODIUM_* variables, so only flags decide; plaintext ZeroMQ on
    loopback is allowed (development), as `security.keys` is not set."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PODIUM_")}
    environment["PODIUM_PLAINTEXT"] = "loopback"
    return environment


def real_clock():
    """The environment without libfaketime: under faketime a browser keeps the real clock, as a
    kiosk with a wrong clock would (the pages draw time with the daemon's clock, from the offset
    they measure on the feed)."""
    return {key: value for key, value in os.environ.items() if key != "LD_PRELOAD" and not key.startswith("FAKETIME")}


class ChildProcess:
    """A Podium program run as a child process that prints one ready line on stdout."""

    extra_environment = {}  # variables added to the hermetic environment (e.g. NOTIFY_SOCKET)
    extra_arguments = []  # flags added to the program's own

    program = None  # the binary's name, set by subclasses

    def __init__(self, workdir, bin_dir):
        self.workdir, self.bin_dir = Path(workdir), Path(bin_dir)
        self.process = None
        self.starts = 0

    @property
    def binary(self):
        return self.bin_dir / self.program

    def launch(self, arguments, ready_prefix):
        """Starts the program and returns its ready line (which must start with ready_prefix)."""
        assert self.process is None or self.process.poll() is not None, f"{self.program} is already running"
        # The binary may be briefly missing while it is being rebuilt.
        wait_until(lambda: self.binary.exists(), 60, f"{self.binary} to exist (build it with `swift build`)", 0.5)
        self.starts += 1
        self.stderr_path = self.workdir / f"{self.program}-{self.starts}.log"
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen([str(self.binary), *arguments, *self.extra_arguments],
                                            stdout=subprocess.PIPE, stderr=stderr,
                                            cwd=self.workdir,
                                            env={**hermetic_environment(), **self.extra_environment})
        deadline = time.monotonic() + START_TIMEOUT
        buffer = b""
        while b"\n" not in buffer:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"{self.program} did not get ready (exit {self.process.returncode}); "
                            f"its stderr:\n{self.stderr_path.read_text(errors='replace')[-4000:]}")
            readable, _, _ = select.select([self.process.stdout], [], [], 0.1)
            if readable:
                buffer += os.read(self.process.stdout.fileno(), 4096)
        line = buffer.split(b"\n", 1)[0].decode()
        assert line.startswith(ready_prefix), line
        return line

    def kill(self, sig=signal.SIGKILL):
        """Sends sig (kill -9 by default) and waits for the process to end."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stdout:
            self.process.stdout.close()


class Podiumd(ChildProcess):
    """A podiumd child process; start() again after kill() reuses its ports and data."""

    program = "podiumd"

    def __init__(self, workdir, conference, bin_dir=BIN_DIR):
        super().__init__(workdir, bin_dir)
        self.conference = Path(conference)
        self.data_dir = self.workdir / "data"
        self.command_endpoint = "tcp://127.0.0.1:*"
        self.update_endpoint = "tcp://127.0.0.1:*"
        self.metrics_address = "127.0.0.1:0"
        self.context = zmq.Context()

    def start(self):
        line = self.launch(["--command-endpoint", self.command_endpoint, "--update-endpoint", self.update_endpoint,
                            "--data-dir", str(self.data_dir), "--conference", str(self.conference),
                            "--metrics-address", self.metrics_address],
                           "podiumd ready ")
        fields = dict(part.split("=", 1) for part in line.split()[2:])
        self.command_endpoint, self.update_endpoint = fields["commands"], fields["updates"]
        self.metrics_url = fields.get("metrics")
        if self.metrics_url:  # a restart keeps the port
            self.metrics_address = self.metrics_url.removeprefix("http://")
        self.ready_seq = int(fields["seq"])
        return self

    def close(self):
        self.kill()
        self.context.destroy(linger=0)

    def send_frames(self, frames, timeout=REPLY_TIMEOUT, socket_type=zmq.DEALER):
        """Sends raw frames on a fresh socket; the reply's frames, or None on timeout."""
        socket = self.context.socket(socket_type)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(self.command_endpoint)
        try:
            socket.send_multipart(frames)
            return socket.recv_multipart() if socket.poll(timeout * 1000) else None
        finally:
            socket.close()

    def request(self, body, timeout=REPLY_TIMEOUT):
        """Sends one request (a dict, or raw bytes) and returns the reply as a dict."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        frames = self.send_frames([raw], timeout)
        assert frames is not None, f"no reply within {timeout} s to {raw[:200]!r}"
        assert len(frames) == 1, frames
        return json.loads(frames[0])

    def snapshot(self, prefix=""):
        reply = self.request({"type": "snapshot", "id": "pytest-snapshot", "prefix": prefix})
        assert reply["type"] == "snapshot", reply
        return reply

    def cli(self, *args, check=True, timeout=30):
        """Runs the podium CLI against this daemon: cli("add-time", "plenary", "+2m")."""
        result = subprocess.run(
            [str(self.bin_dir / "podium"), *args, "--endpoint", self.command_endpoint],
            capture_output=True, text=True, timeout=timeout, cwd=self.workdir, env=hermetic_environment())
        if check:
            assert result.returncode == 0, f"podium {' '.join(args)}: {result.stdout}{result.stderr}"
        return result


# The scripts every plugin's pages share, served from the repository so edits need no rebuild.
SHARED_STATIC = REPO / "Sources" / "PodiumWeb" / "Static"


class WebPlugin(ChildProcess):
    """A web plugin child process following a Podiumd. It serves the pages from the repository
    (its Public directory, shared scripts from Sources/PodiumWeb/Static), so page changes need no
    rebuild; it is ready for tests once it has the conference (PROBE, an unknown room, is then a 404)."""

    PUBLIC = None  # the plugin's pages in the repository
    PROBE = None  # a page of an unknown room

    def __init__(self, workdir, daemon, bin_dir=BIN_DIR, public_directory=None, shared_static_directory=SHARED_STATIC):
        super().__init__(workdir, bin_dir)
        self.daemon = daemon
        self.public_directory = Path(public_directory or self.PUBLIC)
        self.shared_static_directory = Path(shared_static_directory)
        self.base = None

    def arguments(self):
        """Flags beyond the common ones."""
        return []

    def all_arguments(self):
        return ["--address", "127.0.0.1:0", "--endpoint", self.daemon.command_endpoint,
                "--updates", self.daemon.update_endpoint, "--public-directory", str(self.public_directory),
                "--shared-static-directory", str(self.shared_static_directory), *self.arguments()]

    def start(self):
        line = self.launch(self.all_arguments(), f"{self.program} ready http://")
        self.base = line.split()[-1]
        wait_until(lambda: self.status(self.PROBE) == 404, START_TIMEOUT,
                   f"{self.program} to receive the conference from podiumd", 0.1)
        return self

    def url(self, path="/"):
        return self.base + path

    def run_to_exit(self, timeout=30):
        """Runs the plugin with its usual flags until it ends by itself (a refusal to start)."""
        return subprocess.run([str(self.binary), *self.all_arguments(), *self.extra_arguments], capture_output=True,
                              text=True, timeout=timeout, cwd=self.workdir,
                              env={**hermetic_environment(), **self.extra_environment})

    def status(self, path):
        """The HTTP status of a GET (no exception for 4xx/5xx)."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=REPLY_TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def call(self, method, path, body=None, headers=None):
        """One JSON request; returns (HTTP status, reply as a dict)."""
        headers = {"Accept": "application/json", **(headers or {})}
        data = None
        if body is None and method != "GET":
            body = {}  # as the pages post: changes are application/json, even with nothing to say
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.url(path), data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT * 2) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def command(self, room, command, **args):
        """POSTs a command as the pages do; returns (HTTP status, reply as a dict)."""
        return self.call("POST", f"/api/rooms/{room}/commands", {"command": command, "args": args})


class RoomDisplay(WebPlugin):
    """podium-display: door screens, monitors, the lobby, the control page."""

    program = "podium-display"
    PUBLIC = REPO / "plugins" / "room-display" / "Public"
    PROBE = "/rooms/--pytest-probe--/door"


class BoothTimer(WebPlugin):
    """podium-booth: booth consoles and the chief interpreter's view."""

    program = "podium-booth"
    PUBLIC = REPO / "plugins" / "booth-timer" / "Public"
    PROBE = "/rooms/--pytest-probe--/booths/en"


class ControlBridge(WebPlugin):
    """podium-control: the HTTP API and WebSocket for control surfaces. With `token`, every call
    carries it (the bridge's logins exist); the readiness probe too."""

    program = "podium-control"
    PUBLIC = REPO / "plugins" / "control-bridge" / "Public"
    PROBE = "/api/v1/rooms/--pytest-probe--"

    def __init__(self, workdir, daemon, token=None, osc_port=None, osc_allow=(), osc_targets=(), **options):
        super().__init__(workdir, daemon, **options)
        self.token = token
        self.osc_port, self.osc_allow, self.osc_targets = osc_port, osc_allow, osc_targets

    def arguments(self):
        """OSC only when a test asks for it (on a port it chose), else none: bridges never share a port."""
        flags = ["--osc-address", f"127.0.0.1:{self.osc_port}" if self.osc_port else ""]
        for host in self.osc_allow:
            flags += ["--osc-allow", host]
        for target in self.osc_targets:
            flags += ["--osc-target", target]
        return flags

    def status(self, path):
        return self.call("GET", path)[0]

    def call(self, method, path, body=None, headers=None, token=None):
        token = token or self.token
        auth = {"Authorization": f"Bearer {token}"} if token else {}
        return super().call(method, path, body, {**auth, **(headers or {})})

    def command(self, room, command, token=None, **args):
        """POSTs a command to the HTTP API; returns (HTTP status, reply as a dict)."""
        return self.call("POST", f"/api/v1/rooms/{room}/commands/{command}", args, token=token)

    def variables(self, room, token=None):
        status, body = self.call("GET", f"/api/v1/rooms/{room}", token=token)
        assert status == 200, (status, body)
        return body


CHROMIUM = Path(os.environ.get("PODIUM_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("PODIUM_CHROMEDRIVER", "/usr/bin/chromedriver"))


def start_chromium(width=1920, height=1080, extra_arguments=()):
    """A headless Chromium (Debian's chromium + chromium-driver) driven by Selenium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=fr", *extra_arguments):
        options.add_argument(argument)
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    environment = real_clock()
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER), env=environment), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture
def conference_file(tmp_path):
    """A fresh conference YAML with two rooms and sessions around now."""
    return write_conference(tmp_path / "conference.yaml")


@pytest.fixture
def podiumd(tmp_path, conference_file):
    """A started podiumd on free ports and a temporary data directory; always killed at the end."""
    daemon = Podiumd(tmp_path, conference_file)
    try:
        yield daemon.start()
    finally:
        daemon.close()


@pytest.fixture(scope="module")
def module_podiumd(tmp_path_factory):
    """One podiumd shared by a module's tests (for tests that leave the state unchanged)."""
    workdir = tmp_path_factory.mktemp("podiumd")
    daemon = Podiumd(workdir, write_conference(workdir / "conference.yaml"))
    try:
        yield daemon.start()
    finally:
        daemon.close()


@pytest.fixture
def display(tmp_path, podiumd):
    """podium-display on a free port, following the `podiumd` fixture's daemon; always killed."""
    server = RoomDisplay(tmp_path, podiumd)
    try:
        yield server.start()
    finally:
        server.kill()


@pytest.fixture
def booth(tmp_path, podiumd):
    """podium-booth on a free port, following the `podiumd` fixture's daemon; always killed."""
    server = BoothTimer(tmp_path, podiumd)
    try:
        yield server.start()
    finally:
        server.kill()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a module's tests; always quit."""
    # Missing parts fail rather than skip: scripts/test installs them, and a skipped browser test proves nothing.
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"needs {CHROMIUM} and {CHROMEDRIVER}: run scripts/install-deps --test")
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


class QuestionsPlugin(WebPlugin):
    """podium-qa with a known moderator token; the rate limits are the defaults unless given."""

    program = "podium-qa"
    PUBLIC = REPO / "plugins" / "qa-moderation" / "Public"
    PROBE = "/rooms/--pytest-probe--/ask"
    TOKEN = "pytest-moderator-token-5f3a9c1e"

    def __init__(self, workdir, daemon, bin_dir=BIN_DIR, public_directory=None, shared_static_directory=SHARED_STATIC,
                 token=TOKEN, questions_per_minute=None, votes_per_minute=None, address_requests_per_minute=None):
        super().__init__(workdir, daemon, bin_dir, public_directory, shared_static_directory)
        self.token = token
        self.limits = {"--questions-per-minute": questions_per_minute, "--votes-per-minute": votes_per_minute,
                       "--address-requests-per-minute": address_requests_per_minute}

    def arguments(self):
        limits = [str(part) for flag, value in self.limits.items() if value is not None for part in (flag, value)]
        return ["--moderator-token", self.token, *limits]

    def moderator_link(self, room):
        """The private link a moderator is given: it sets the moderator cookie and redirects to the console."""
        return self.url(f"/moderate/{room}?token={self.token}")

    def _call(self, method, path, body=None):
        return self.call(method, path, body, {"Authorization": f"Bearer {self.token}"})

    def moderate(self, room, command, by="pytest", **args):
        """A moderator's command (with the token); returns (HTTP status, reply as a dict)."""
        return self._call("POST", f"/api/rooms/{room}/moderation", {"command": command, "args": {**args, "by": by}})

    def moderation(self, room):
        """What the moderators' console loads: {"board": …, "questions": […]}."""
        status, body = self._call("GET", f"/api/rooms/{room}/moderation")
        assert status == 200, (status, body)
        return body


@pytest.fixture
def qa(tmp_path, podiumd):
    """podium-qa on a free port with QuestionsPlugin.TOKEN, following the `podiumd` fixture's daemon; always killed."""
    server = QuestionsPlugin(tmp_path, podiumd)
    try:
        yield server.start()
    finally:
        server.kill()
