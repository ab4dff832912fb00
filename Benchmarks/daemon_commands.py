"""Command latency and throughput of podiumd: acknowledged = committed (synchronous=FULL).

Run: scripts/benchmark (or python3 Benchmarks/daemon_commands.py after `swift build -c release`).
"""
import json
import threading
import time
import uuid

import zmq

from podium_processes import Daemon, percentile


def send(socket, room, seconds):
    socket.send(json.dumps({"type": "command", "id": str(uuid.uuid4()), "room": room, "command": "addTime",
                            "args": {"seconds": seconds}}).encode())
    reply = json.loads(socket.recv())
    assert reply["type"] == "ack", reply


def sequential(daemon, count=500):
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.connect(daemon.commands)
    latencies = []
    for index in range(count):
        started = time.perf_counter()
        send(socket, "room-0", 1 if index % 2 else -1)
        latencies.append((time.perf_counter() - started) * 1000)
    socket.close()
    return latencies


def concurrent(daemon, clients, per_client=200):
    context = zmq.Context.instance()
    def work(index):
        socket = context.socket(zmq.DEALER)
        socket.connect(daemon.commands)
        for n in range(per_client):
            send(socket, f"room-{index % 3}", 1 if n % 2 else -1)
        socket.close()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return clients * per_client / (time.perf_counter() - started)


def main():
    daemon = Daemon()
    try:
        for room in range(3):
            socket = zmq.Context.instance().socket(zmq.DEALER)
            socket.connect(daemon.commands)
            socket.send(json.dumps({"type": "command", "id": f"start-{room}", "room": f"room-{room}",
                                    "command": "start"}).encode())
            socket.recv()
            socket.close()
        latencies = sequential(daemon)
        print(f"sequential commands: n={len(latencies)} p50={percentile(latencies, 50):.2f} ms "
              f"p95={percentile(latencies, 95):.2f} ms p99={percentile(latencies, 99):.2f} ms")
        for clients in (1, 8, 32):
            print(f"concurrent clients={clients}: {concurrent(daemon, clients):.0f} commands/s")
    finally:
        daemon.stop()


if __name__ == "__main__":
    main()
