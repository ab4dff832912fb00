"""The control bridge's OSC, with python-osc as the peer: an OSC command (`/podium/room-0/setroomfull
1|0`) until the door screen's DOM shows the change in headless Chromium, 200 changes; and the once-a-
second `/podium/room-0/timeleft` sent to an OSC target, its spacing (jitter) over 60 ticks. Same
machine, same wall clock for sending, the page's MutationObserver and receiving.
"""
import sys
import time
from pathlib import Path

from podium_processes import Control, Daemon, Display, headless_chromium, percentile, process_usage, tick_spacing, wait_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "python"))
from osc_peer import OscPeer, free_udp_port, osc_packet  # noqa: E402

CHANGES = 200
TICKS = 60
ROOM = "room-0"

OBSERVER = """
window.__seen = [];
const banner = document.getElementById('full-banner');
new MutationObserver(() => { window.__seen.push([!banner.hidden, Date.now()]); })
  .observe(banner, {attributes: true, attributeFilter: ['hidden']});
"""


def main():
    daemon = Daemon(rooms=3)
    display = Display(daemon)
    peer, target = OscPeer(), OscPeer()
    osc_port = free_udp_port()
    bridge = Control(daemon, "--osc-address", f"127.0.0.1:{osc_port}", "--osc-target", f"127.0.0.1:{target.port}")
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
            peer.send(osc_port, osc_packet(f"/podium/{ROOM}/setroomfull", 1 if full else 0))
            deadline, seen = time.monotonic() + 5, None
            while seen is None and time.monotonic() < deadline:
                seen = next((at for shown, at in driver.execute_script("return window.__seen") if shown == full), None)
            assert seen is not None, f"change {index} never reached the door"
            latencies.append(seen - sent)
            driver.execute_script("window.__seen = []")
        print(f"OSC command -> door DOM ({CHANGES} changes): p50 {percentile(latencies, 50):.2f} ms, "
              f"p95 {percentile(latencies, 95):.2f} ms, max {max(latencies):.2f} ms")

        # The once-a-second time left at the OSC target (nothing changes now).
        target.drain()  # what queued up during the changes is not the once-a-second stream
        arrivals = []
        while len(arrivals) < TICKS + 1:
            message = target.receive(timeout=5)
            assert message is not None, "no OSC from the bridge for 5 s"
            if message.address == f"/podium/{ROOM}/timeleft":
                arrivals.append(time.perf_counter())
        tick_spacing("OSC out /timeleft once a second", arrivals)
        cpu, rss = process_usage(bridge.process.pid)
        print(f"podium-control: {cpu:.2f} CPU s over the run, {rss:.1f} MiB resident")
    finally:
        driver.quit()
        bridge.stop()
        peer.close()
        target.close()
        display.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
