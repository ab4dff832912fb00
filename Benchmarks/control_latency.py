"""The control bridge: an HTTP action (POST setRoomFull) until the room's variables with the
change arrive on a WebSocket, 200 toggles; and the once-a-second variables' spacing while
nothing changes (their jitter), 60 ticks. Same machine, same clock for sending and receiving.
"""
import http.client
import json
import time
from urllib.parse import urlparse

import websocket

from podium_processes import Control, Daemon, percentile, process_usage, tick_spacing, wait_for

CHANGES = 200
TICKS = 60
ROOM = "room-0"


def main():
    daemon = Daemon(rooms=3)
    bridge = Control(daemon)
    try:
        address = urlparse(bridge.url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)

        def has_state():
            connection.request("GET", f"/api/v1/rooms/{ROOM}")
            response = connection.getresponse()
            response.read()
            return response.status == 200

        wait_for(has_state)  # the bridge has the daemon's state
        socket = websocket.create_connection(f"ws://{address.netloc}/api/v1/rooms/{ROOM}/live", timeout=10)

        def post(full):
            connection.request("POST", f"/api/v1/rooms/{ROOM}/commands/setRoomFull", json.dumps({"full": full}),
                               {"Content-Type": "application/json"})
            response = connection.getresponse()
            body = json.loads(response.read())
            assert response.status == 200 and body["ok"], body

        def variables_until(condition):
            while True:
                message = json.loads(socket.recv())
                if message["type"] == "variables" and condition(message["variables"]):
                    return message["variables"]

        variables_until(lambda variables: True)
        post(False)
        variables_until(lambda variables: not variables["roomFull"])
        latencies = []
        for index in range(CHANGES):
            full = index % 2 == 0
            sent = time.perf_counter()
            post(full)
            variables_until(lambda variables: variables["roomFull"] == full)
            latencies.append((time.perf_counter() - sent) * 1000)
        print(f"HTTP action -> WebSocket variables ({CHANGES} changes): p50 {percentile(latencies, 50):.2f} ms, "
              f"p95 {percentile(latencies, 95):.2f} ms, max {max(latencies):.2f} ms")

        # Nothing changes now: only the once-a-second pushes arrive.
        arrivals = []
        while len(arrivals) < TICKS + 1:
            variables_until(lambda variables: True)
            arrivals.append(time.perf_counter())
        tick_spacing("once-a-second variables", arrivals)
        cpu, rss = process_usage(bridge.process.pid)
        print(f"podium-control: {cpu:.2f} CPU s over the run, {rss:.1f} MiB resident")
        socket.close()
    finally:
        bridge.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
