"""A venue behind nginx with TLS, two instances of podium-display and of podium-qa (the shipped
site, Tests/python/nginx_front.py): 1,000 door screens on the live feed and 5,000 audience
devices, each asking one question and voting for three, over TLS through nginx.

Measures: questions and votes lost (acknowledged to a device but not in the daemon's state:
must be 0), the load's duration, every screen still live at the end, and CPU seconds and peak
resident memory of every process (daemon, each plugin instance, nginx).
"""
import asyncio
import json
import os
import ssl
import sys
import tempfile
import time
from pathlib import Path

from podium_processes import Daemon, Display, Questions, peak_rss, process_usage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "python"))
from nginx_front import NginxFront  # noqa: E402

SCREENS = 1000
DEVICES = 5000
CONCURRENT_DEVICES = 200
ROOMS = 10


class Connection:
    """One keep-alive HTTP/1.1 connection over TLS to nginx, for one device."""

    def __init__(self, nginx, plugin):
        self.nginx, self.host = nginx, f"{nginx.host(plugin)}:{nginx.tls_port}"
        self.context = ssl.create_default_context(cafile=str(nginx.certificate))
        self.reader = self.writer = None
        self.cookie = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(
            "127.0.0.1", self.nginx.tls_port, ssl=self.context, server_hostname=self.host.split(":")[0])

    async def request(self, method, path, body=None, headers=()):
        if self.writer is None:
            await self.open()
        data = json.dumps(body).encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(data)}", *headers]
        if body is not None:
            lines.append("Content-Type: application/json")
        if self.cookie:
            lines.append(f"Cookie: {self.cookie}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode(errors="replace").split("\r\n")
        status = int(head[0].split()[1])
        fields = {}
        for line in head[1:]:
            if ": " in line:
                name, value = line.split(": ", 1)
                fields.setdefault(name.lower(), []).append(value)
        for value in fields.get("set-cookie", []):
            if value.startswith("podium_device="):
                self.cookie = value.split(";", 1)[0]
        length = int(fields.get("content-length", ["0"])[0])
        payload = await self.reader.readexactly(length) if length else b""
        return status, json.loads(payload) if payload.startswith(b"{") else None

    def close(self):
        if self.writer:
            self.writer.close()


async def screen(nginx, index, live, stop):
    """A door screen: the live feed through nginx, counting the states it gets."""
    connection = Connection(nginx, "display")
    await connection.open()
    room = f"room-{index % ROOMS}"
    connection.writer.write(f"GET /live?room={room}&screen=bench-{index}&kind=door HTTP/1.1\r\n"
                            f"Host: {connection.host}\r\nAccept: text/event-stream\r\n\r\n".encode())
    while not stop.is_set():
        try:
            chunk = await asyncio.wait_for(connection.reader.read(65536), 1)
        except asyncio.TimeoutError:
            continue
        if not chunk:
            break
        live[index] = live.get(index, 0) + chunk.count(b"event: state")
    connection.close()


async def device(nginx, index, seeds, acked, failures, gate):
    async with gate:
        connection = Connection(nginx, "questions")
        try:
            await connection.request("GET", "/rooms/room-0/ask")
            status, reply = await connection.request("POST", "/api/rooms/room-0/questions",
                                                     {"text": f"Question de l'appareil {index} ?"})
            if status == 201:
                acked["questions"].append(reply["question"])
            else:
                failures.append(status)
            for question in seeds[index % 3:index % 3 + 3]:
                status, _ = await connection.request("POST", f"/api/rooms/room-0/questions/{question}/vote", {})
                if status == 200:
                    acked["votes"][question] = acked["votes"].get(question, 0) + 1
                else:
                    failures.append(status)
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError) as error:
            failures.append(type(error).__name__)
        finally:
            connection.close()


async def load(nginx):
    moderator = Connection(nginx, "questions")
    bearer = [f"Authorization: Bearer {Questions.TOKEN}"]
    seeds = []
    for index in range(5):
        asker = Connection(nginx, "questions")  # a device of its own: three questions a minute each
        status, reply = await asker.request("POST", "/api/rooms/room-0/questions", {"text": f"Amorce {index} ?"})
        asker.close()
        assert status == 201, (status, reply)
        seeds.append(reply["question"])
        status, reply = await moderator.request(
            "POST", "/api/rooms/room-0/moderation",
            {"command": "approveQuestion", "args": {"question": seeds[-1], "by": "bench"}}, bearer)
        assert status == 200, (status, reply)
    live, stop = {}, asyncio.Event()
    screens = [asyncio.create_task(screen(nginx, index, live, stop)) for index in range(SCREENS)]
    await asyncio.sleep(3)
    connected = len(live)
    acked, failures = {"questions": [], "votes": {}}, []
    gate = asyncio.Semaphore(CONCURRENT_DEVICES)
    started = time.monotonic()
    await asyncio.gather(*(device(nginx, index, seeds, acked, failures, gate) for index in range(DEVICES)))
    elapsed = time.monotonic() - started
    await asyncio.sleep(2)
    still_live = sum(1 for count in live.values() if count > 0)
    stop.set()
    await asyncio.gather(*screens, return_exceptions=True)
    status, board = await moderator.request("GET", "/api/rooms/room-0/moderation", None, bearer)
    moderator.close()
    assert status == 200, status
    counted = {question["id"]: question for question in board["questions"]}
    lost_questions = [question for question in acked["questions"] if question not in counted]
    lost_votes = sum(max(0, count - counted[question]["votes"]) for question, count in acked["votes"].items())
    return {"elapsed": elapsed, "screens_connected": connected, "screens_live": still_live,
            "questions": len(acked["questions"]), "votes": sum(acked["votes"].values()),
            "lost_questions": len(lost_questions), "lost_votes": lost_votes, "failures": failures}


def main():
    daemon = Daemon(rooms=ROOMS)
    nginx = NginxFront(tempfile.mkdtemp(prefix="podium-venue-"))
    environment = nginx.environment()
    displays = [Display(daemon, environment) for _ in range(2)]
    # Every simulated device comes from 127.0.0.1: lift the limits per address (a venue's phones have their own).
    per_address = ["--requests-per-minute", "10000000"]
    qas = [Questions(daemon, *per_address, "--address-requests-per-minute", "10000000", environment=environment)
           for _ in range(2)]
    port = lambda plugin: int(plugin.url.rsplit(":", 1)[1])  # noqa: E731
    nginx.start({"display": [port(d) for d in displays], "questions": [port(q) for q in qas]})
    workers = [int(pid) for pid in os.popen(f"pgrep -P {nginx.process.pid}").read().split()]
    processes = {"podiumd": daemon.process.pid, **{f"podium-display #{i + 1}": d.process.pid for i, d in enumerate(displays)},
                 **{f"podium-qa #{i + 1}": q.process.pid for i, q in enumerate(qas)}, "nginx master": nginx.process.pid,
                 **{f"nginx worker #{i + 1}": pid for i, pid in enumerate(workers)}}
    before = {name: process_usage(pid)[0] for name, pid in processes.items()}
    try:
        result = asyncio.run(load(nginx))
        usage = {name: (process_usage(pid)[0] - before[name], peak_rss(pid)) for name, pid in processes.items()}
    finally:
        nginx.stop()
        for plugin in (*displays, *qas):
            plugin.stop()
        daemon.stop()
    failures = result.pop("failures")
    print(f"{SCREENS} screens, {DEVICES} devices over TLS through nginx, two instances of each plugin:")
    print("  " + ", ".join(f"{key}={value:.1f}" if isinstance(value, float) else f"{key}={value}"
                           for key, value in result.items()))
    print(f"  failed requests: {len(failures)} {sorted(set(map(str, failures)))[:8]}")
    for name, (cpu, rss) in usage.items():
        print(f"  {name:18} CPU {cpu:6.2f} s   peak RSS {rss:7.1f} MiB")


if __name__ == "__main__":
    main()
