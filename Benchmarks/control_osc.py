"""The control bridge's OSC, with python-osc as the peer: an OSC command (`/podium/room-0/setroomfull
1|0`) until the door screen's DOM shows the change in headless Chromium, 200 changes; and the once-a-
second `/podium/room-0/timeleft` sent to an OSC target, its spacing (jitter) over 60 ticks. Same
machine, same wall clock for sending, the page's MutationObserver and receiving.
"""
import socket
import time

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from podium_processes import Control, Daemon, Display, headless_chromium, percentile, process_usage, tick_spacing, wait_for

CHANGES = 200
TICKS = 60
ROOM = "room-0"

OBSERVER = """
window.__seen = [];
const banner = document.getElementById('full-banner');
new MutationObserver(() => { window.__seen.push([!banner.hidden, Date.now()]); })
  .observe(banner, {attributes: true, attributeFilter: ['hidden']});
"""


def udp_socket():
    peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    peer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    peer.bind(("127.0.0.1", 0))
    return peer


def packet(address, *args):
    builder = OscMessageBuilder(address=address)
    for arg in args:
        builder.add_arg(arg)
    return builder.build().dgram


def main():
    daemon = Daemon(rooms=3)
    display = Display(daemon)
    peer, target = udp_socket(), udp_socket()
    probe = udp_socket()
    osc_port = probe.getsockname()[1]
    probe.close()
    bridge = Control(daemon, "--osc-address", f"127.0.0.1:{osc_port}", "--osc-target",
                     f"127.0.0.1:{target.getsockname()[1]}")
    driver = headless_chromium()
    try:
        daemon.commander(ROOM)("start")
        driver.get(f"{display.url}/rooms/{ROOM}/door?lang=fr")
        wait_for(lambda: driver.execute_script("return document.getElementById('full-banner') !== null"))
        time.sleep(1)
        driver.execute_script(OBSERVER)
        latencies = []
        for index in range(CHANGES):
            full = index % 2 == 0
            sent = time.time() * 1000
            peer.sendto(packet(f"/podium/{ROOM}/setroomfull", 1 if full else 0), ("127.0.0.1", osc_port))
            deadline, seen = time.monotonic() + 5, None
            while seen is None and time.monotonic() < deadline:
                seen = next((at for shown, at in driver.execute_script("return window.__seen") if shown == full), None)
            assert seen is not None, f"change {index} never reached the door"
            latencies.append(seen - sent)
            driver.execute_script("window.__seen = []")
        print(f"OSC command -> door DOM ({CHANGES} changes): p50 {percentile(latencies, 50):.2f} ms, "
              f"p95 {percentile(latencies, 95):.2f} ms, max {max(latencies):.2f} ms")

        # The once-a-second time left at the OSC target (nothing changes now).
        target.setblocking(False)  # what queued up during the changes is not the once-a-second stream
        try:
            while target.recvfrom(65536):
                pass
        except BlockingIOError:
            pass
        arrivals = []
        target.settimeout(5)
        while len(arrivals) < TICKS + 1:
            data, _ = target.recvfrom(65536)
            if OscMessage(data).address == f"/podium/{ROOM}/timeleft":
                arrivals.append(time.perf_counter())
        tick_spacing("OSC out /timeleft once a second", arrivals)
        cpu, rss = process_usage(bridge.process.pid)
        print(f"podium-control: {cpu:.2f} CPU s over the run, {rss:.1f} MiB resident")
    finally:
        driver.quit()
        bridge.stop()
        display.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
