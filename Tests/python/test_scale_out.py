"""Two instances of podium-display and of podium-qa behind nginx (TLS, the shipped site with
several `server` lines): a device keeps to one Q&A instance, so its limits hold across
instances; killing an instance mid-load loses no acknowledged question or vote, and a door
screen on it is back, live, through the other within 3 s."""
import random
import threading
import time
from pathlib import Path

import pytest
import requests

from conftest import QuestionsPlugin, RoomDisplay, start_chromium, wait_until
from nginx_front import NginxFront

ROOM = "plenary"
# Devices reach nginx by address with the test's self-signed certificate (their name is in Host).
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")


@pytest.fixture
def venue(tmp_path, podiumd):
    nginx = NginxFront(tmp_path)
    displays = [RoomDisplay(tmp_path / f"display-{i}", podiumd) for i in range(2)]
    questions = [QuestionsPlugin(tmp_path / f"qa-{i}", podiumd, address_requests_per_minute=100_000,
                                 votes_per_minute=1000) for i in range(2)]
    for plugin in (*displays, *questions):
        Path(plugin.workdir).mkdir(parents=True, exist_ok=True)
        plugin.extra_environment = nginx.environment()
    try:
        for plugin in (*displays, *questions):
            plugin.start()
        port = lambda plugin: int(plugin.base.rsplit(":", 1)[1])  # noqa: E731
        nginx.start({"display": [port(d) for d in displays], "questions": [port(q) for q in questions]})
        yield nginx, displays, questions
    finally:
        nginx.stop()
        for plugin in (*displays, *questions):
            plugin.kill()


class Device:
    """A phone in the audience: its own cookie jar, through nginx (TLS, the ask host)."""

    def __init__(self, nginx):
        self.nginx = nginx
        self.session = requests.Session()
        self.base = f"https://127.0.0.1:{nginx.tls_port}"
        self.host = f"{nginx.host('questions')}:{nginx.tls_port}"

    def request(self, method, path, **kwargs):
        return self.session.request(method, self.base + path, headers={"Host": self.host}, timeout=10, verify=False,
                                    **kwargs)

    def ask(self, text):
        return self.request("POST", f"/api/rooms/{ROOM}/questions", json={"text": text})

    def vote(self, question):
        return self.request("POST", f"/api/rooms/{ROOM}/questions/{question}/vote", json={})


def test_a_device_keeps_to_one_instance_so_its_limits_hold(venue):
    nginx, _, questions = venue
    phone = Device(nginx)
    assert phone.request("GET", f"/rooms/{ROOM}/ask").status_code == 200  # its device cookie
    codes = [phone.ask(f"Question {i} ?").status_code for i in range(4)]
    assert codes == [201, 201, 201, 429], codes  # three a minute per device, on whichever instance
    # Every device keeps to one instance, and the devices spread over both.
    for _ in range(30):
        other = Device(nginx)
        other.request("GET", f"/rooms/{ROOM}/ask")  # no cookie yet: by its address
        other.request("GET", f"/api/rooms/{ROOM}/questions")  # with its cookie
    time.sleep(0.2)  # the access log is written
    seen = nginx.upstreams_by_device()
    assert seen[phone.session.cookies.get("podium_device")] and all(len(used) == 1 for used in seen.values()), seen
    assert len(set().union(*seen.values())) == 2, f"one instance served every device: {seen}"
    assert len(questions[0].moderation(ROOM)["questions"]) == 3


def test_killing_an_instance_mid_load_loses_nothing_and_screens_come_back_within_3_s(venue, podiumd):
    nginx, displays, questions = venue
    # Five approved questions to vote on.
    seeds = []
    for index in range(5):
        reply = Device(nginx).ask(f"Question d'amorce {index} ?")
        assert reply.status_code == 201, reply.text
        seeds.append(reply.json()["question"])
        assert questions[0].moderate(ROOM, "approveQuestion", question=seeds[-1])[0] == 200

    driver = start_chromium(extra_arguments=nginx.chromium_arguments())
    acked_questions, acked_votes, failures = [], {}, []
    stop, lock = threading.Event(), threading.Lock()

    def audience(seed):
        rng = random.Random(seed)
        phone = Device(nginx)
        phone.request("GET", f"/rooms/{ROOM}/ask")
        for question in rng.sample(seeds, len(seeds)):
            if stop.is_set():
                return
            try:
                reply = phone.vote(question)
                if reply.status_code == 200:
                    with lock:
                        acked_votes[question] = acked_votes.get(question, 0) + 1
                else:
                    failures.append(reply.status_code)
                reply = phone.ask(f"Une question de l'appareil {seed} ?")
                if reply.status_code == 201:
                    acked_questions.append(reply.json()["question"])
                else:
                    failures.append(reply.status_code)
            except requests.RequestException as error:
                failures.append(type(error).__name__)
            time.sleep(rng.uniform(0.05, 0.2))

    try:
        driver.get(nginx.origin("display") + f"/rooms/{ROOM}/door?lang=fr")
        wait_until(lambda: driver.execute_script(
            "return !!window.Podium && !Podium.isReconnecting() && document.getElementById('room-name').textContent"),
            15, "the door, live through nginx")
        serving = [d for d in displays if any(s["connected"] for s in d.call("GET", "/api/screens")[1])]
        assert len(serving) == 1, "the door's feed comes from one instance"
        crowd = [threading.Thread(target=audience, args=(seed,)) for seed in range(24)]
        for thread in crowd:
            thread.start()
        time.sleep(1.0)
        # One instance of each dies in the middle of it.
        killed = time.monotonic()
        serving[0].kill()
        questions[1].kill()
        survivor = questions[0]
        podiumd.request({"type": "command", "id": "full", "room": ROOM, "command": "setRoomFull", "args": {"full": True}})
        wait_until(lambda: driver.execute_script(
            "return !Podium.isReconnecting() && !document.getElementById('full-banner').hidden"), 3,
            "the door to be back, live, with the change made after the kill")
        back = time.monotonic() - killed
        for thread in crowd:
            thread.join(timeout=60)
    finally:
        stop.set()
        driver.quit()
    print(f"door back after {back:.2f} s; {len(acked_questions)} questions and {sum(acked_votes.values())} votes "
          f"acknowledged, {len(failures)} requests failed ({sorted(set(map(str, failures)))})")
    assert back <= 3
    board = {question["id"]: question for question in survivor.moderation(ROOM)["questions"]}
    missing = [question for question in acked_questions if question not in board]
    assert not missing, f"acknowledged questions lost: {missing}"
    short = {question: (count, board[question]["votes"]) for question, count in acked_votes.items()
             if board[question]["votes"] < count}
    assert not short, f"acknowledged votes lost (acked, counted): {short}"
    assert acked_questions and sum(acked_votes.values()) > 50, (len(acked_questions), acked_votes, failures)
