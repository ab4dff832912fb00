"""One podium-display serving 200 concurrent screens (SSE) while the rooms tick:
the plugin's CPU and memory, and whether every screen got every state."""
import json
import socket
import threading
import time
import uuid
from urllib.parse import urlparse

import zmq

from podium_processes import Daemon, Display, process_usage

MARK = b"event: state\n"
SCREENS = 200
SECONDS = 30


def screen(url, room, counts, index, stop):
    address = urlparse(url)
    connection = socket.create_connection((address.hostname, address.port))
    connection.sendall(f"GET /live?room={room}&screen=bench-{index}&kind=door HTTP/1.1\r\n"
                       f"Host: {address.netloc}\r\nAccept: text/event-stream\r\n\r\n".encode())
    connection.settimeout(1)
    buffer = b""
    while not stop.is_set():
        try:
            chunk = connection.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        # The body is chunked: count the event lines, keeping a tail in case one straddles two reads.
        buffer += chunk
        counts[index] += buffer.count(MARK)
        buffer = buffer[-(len(MARK) - 1):]
    connection.close()


def main():
    daemon = Daemon(rooms=10)
    display = Display(daemon)
    stop = threading.Event()
    counts = [0] * SCREENS
    threads = [threading.Thread(target=screen, args=(display.url, f"room-{i % 10}", counts, i, stop), daemon=True)
               for i in range(SCREENS)]
    control = zmq.Context.instance().socket(zmq.DEALER)
    control.connect(daemon.commands)

    def command(room, name, args=None):
        control.send(json.dumps({"type": "command", "id": str(uuid.uuid4()), "room": room, "command": name,
                                 "args": args or {}}).encode())
        return json.loads(control.recv())

    try:
        for room in range(10):
            command(f"room-{room}", "start")
        for thread in threads:
            thread.start()
        time.sleep(2)
        baseline = counts.copy()
        cpu_before, _ = process_usage(display.process.pid)
        started = time.monotonic()
        sent = 0
        peak = 0.0
        while time.monotonic() - started < SECONDS:
            # Every room ticks: one change per room per second.
            for room in range(10):
                command(f"room-{room}", "addTime", {"seconds": 1 if sent % 2 else -1})
            sent += 1
            peak = max(peak, process_usage(display.process.pid)[1])
            time.sleep(max(0, sent - (time.monotonic() - started)))
        time.sleep(1)
        elapsed = time.monotonic() - started
        cpu_after, rss = process_usage(display.process.pid)
        received = [counts[i] - baseline[i] for i in range(SCREENS)]
        print(f"{SCREENS} screens, 10 rooms, {sent} changes per room in {elapsed:.0f} s: "
              f"plugin CPU {100 * (cpu_after - cpu_before) / elapsed:.1f}% of one core, RSS {rss:.0f} MiB (peak {peak:.0f} MiB); "
              f"states per screen min {min(received)} max {max(received)} (expected {sent})")
    finally:
        stop.set()
        display.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
