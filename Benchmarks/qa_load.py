"""Q&A under load: 2,000 questions and 20,000 votes in 60 s from 1,000 devices through
podium-qa's public API, while a moderator approves every question from the console's API.

Measures: none lost (every accepted question and vote is in the daemon's state), and how
live the moderator console stays (submission acknowledged → question in the console's
event stream, p50/p95/max), plus CPU and memory of the daemon and the plugin.
"""
import http.client
import json
import queue
import random
import socket
import threading
import time
from urllib.parse import urlparse

from podium_processes import Daemon, Questions, percentile, process_usage

DEVICES = 1000
QUESTIONS = 2000
VOTES = 20000
SECONDS = 60
WORKERS = 48
ROOM = "room-0"


class Client:
    """One keep-alive HTTP connection per worker thread."""

    def __init__(self, url):
        address = urlparse(url)
        self.host, self.port = address.hostname, address.port
        self.connection = None

    def post(self, path, body, headers):
        for _ in range(3):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
                self.connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json", **headers})
                response = self.connection.getresponse()
                return response.status, json.loads(response.read() or b"{}")
            except (http.client.HTTPException, OSError):
                self.connection = None
        raise RuntimeError(f"POST {path} failed three times")


def moderator_stream(url, seen, stop):
    """Reads the moderators' event stream; notes when each question id first appears."""
    address = urlparse(url)
    connection = socket.create_connection((address.hostname, address.port))
    connection.sendall(f"GET /live/moderator?room={ROOM} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                       f"Authorization: Bearer {Questions.TOKEN}\r\nAccept: text/event-stream\r\n\r\n".encode())
    connection.settimeout(0.5)
    buffer = b""
    while not stop.is_set():
        try:
            chunk = connection.recv(1 << 20)
        except socket.timeout:
            continue
        if not chunk:
            break
        buffer += chunk
        now = time.perf_counter()
        # Chunked transfer: the event lines survive intact between chunk headers often enough
        # to find `"id":"q…"` markers; look for every question id in complete lines.
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if line.startswith(b"data: ") and b'"questions"' in line:
                try:
                    batch = json.loads(line[6:])
                except ValueError:
                    continue
                for question in batch.get("questions", []):
                    seen.setdefault(question["id"], now)
    connection.close()


def main():
    daemon = Daemon(rooms=1)
    plugin = Questions(daemon, "--address-requests-per-minute", "1000000", "--requests-per-minute", "1000000",
                       "--votes-per-minute", "60",
                       "--questions-per-minute", "3")
    time.sleep(1.0)
    seen, acked, approved = {}, {}, []
    approved_lock = threading.Lock()
    stop = threading.Event()
    reader = threading.Thread(target=moderator_stream, args=(plugin.url, seen, stop), daemon=True)
    reader.start()
    time.sleep(0.5)

    devices = [f"device{index:05d}" for index in range(DEVICES)]
    tasks = queue.PriorityQueue()
    for index in range(QUESTIONS):
        tasks.put((index * (SECONDS - 10) / QUESTIONS, "ask", devices[index % DEVICES], index))
    for index in range(VOTES):
        tasks.put((5 + index * (SECONDS - 5) / VOTES, "vote", devices[(index * 7) % DEVICES], index))
    to_approve = queue.Queue()
    counts = {"asked": 0, "ask_refused": 0, "voted": 0, "vote_refused": 0, "approved": 0}
    votes_by_device = {device: set() for device in devices}
    counts_lock = threading.Lock()
    started = time.perf_counter()

    def worker():
        client = Client(plugin.url)
        rng = random.Random()
        while True:
            try:
                due, kind, device, index = tasks.get_nowait()
            except queue.Empty:
                return
            delay = started + due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            headers = {"Cookie": f"podium_device={device}"}
            if kind == "ask":
                text = f"Question {index}: quel financement pour l’économie du soin ?" if index % 3 else \
                    f"سؤال {index}: ما هو دور الدولة في الحماية الاجتماعية؟"
                status, body = client.post(f"/api/rooms/{ROOM}/questions", {"text": text}, headers)
                with counts_lock:
                    if status == 201:
                        counts["asked"] += 1
                        acked[body["question"]] = time.perf_counter()
                        to_approve.put(body["question"])
                    else:
                        counts["ask_refused"] += 1
            else:
                with approved_lock:
                    candidates = [q for q in approved[-400:] if q not in votes_by_device[device]]
                if not candidates:
                    continue
                question = rng.choice(candidates)
                votes_by_device[device].add(question)
                status, body = client.post(f"/api/rooms/{ROOM}/questions/{question}/vote", {}, headers)
                with counts_lock:
                    counts["voted" if status == 200 else "vote_refused"] += 1

    def moderator():
        client = Client(plugin.url)
        headers = {"Authorization": f"Bearer {Questions.TOKEN}"}
        while not stop.is_set() or not to_approve.empty():
            try:
                question = to_approve.get(timeout=0.2)
            except queue.Empty:
                continue
            status, body = client.post(f"/api/rooms/{ROOM}/moderation",
                                       {"command": "approveQuestion", "args": {"question": question, "by": "bench"}},
                                       headers)
            if status == 200:
                with approved_lock:
                    approved.append(question)
                counts["approved"] += 1

    cpu_before = (process_usage(daemon.process.pid)[0], process_usage(plugin.process.pid)[0])
    moderator_threads = [threading.Thread(target=moderator) for _ in range(2)]
    workers = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in moderator_threads + workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    for thread in moderator_threads:
        thread.join()
    time.sleep(1.5)
    daemon_cpu, daemon_rss = process_usage(daemon.process.pid)
    plugin_cpu, plugin_rss = process_usage(plugin.process.pid)

    connection = http.client.HTTPConnection(urlparse(plugin.url).hostname, urlparse(plugin.url).port)
    connection.request("GET", f"/api/rooms/{ROOM}/moderation", headers={"Authorization": f"Bearer {Questions.TOKEN}"})
    state = json.loads(connection.getresponse().read())
    stored = {question["id"]: question for question in state["questions"]}
    total_votes = sum(question["votes"] for question in stored.values())
    latencies = [(seen[q] - acked[q]) * 1000 for q in acked if q in seen]

    print(f"load: {counts['asked']} questions and {counts['voted']} votes accepted in {elapsed:.1f} s "
          f"({counts['ask_refused']} questions, {counts['vote_refused']} votes refused); "
          f"{counts['approved']} approved by the moderator")
    print(f"none lost: {len(stored)} questions stored for {counts['asked']} accepted "
          f"({'OK' if len(stored) == counts['asked'] else 'LOST'}); {total_votes} votes counted for "
          f"{counts['voted']} accepted ({'OK' if total_votes == counts['voted'] else 'MISMATCH'})")
    print(f"moderator console: question in its stream after the ack p50 {percentile(latencies, 50):.0f} ms, "
          f"p95 {percentile(latencies, 95):.0f} ms, max {max(latencies):.0f} ms "
          f"({len(latencies)}/{len(acked)} seen)")
    print(f"daemon: {daemon_cpu - cpu_before[0]:.1f} CPU s, {daemon_rss:.0f} MiB; "
          f"podium-qa: {plugin_cpu - cpu_before[1]:.1f} CPU s, {plugin_rss:.0f} MiB")
    plugin.stop()
    daemon.stop()


if __name__ == "__main__":
    main()
