"""Command sent → DOM changed on a door screen in headless Chromium, straight to podium-display
and through nginx with TLS (the shipped site configuration, Tests/python/nginx_front.py), in
the same run: 200 toggles of the room-full banner each way.

The page records when a MutationObserver sees the banner change (Date.now()); the benchmark
records when it sent each command (time.time()): same machine, same wall clock.
"""
import sys
import tempfile
import time
from pathlib import Path

from podium_processes import Daemon, Display, headless_chromium, percentile, wait_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "python"))
from nginx_front import NginxFront  # noqa: E402

OBSERVER = """
window.__changes = [];
const banner = document.getElementById('full-banner');
new MutationObserver(() => { window.__changes.push([!banner.hidden, Date.now()]); })
  .observe(banner, {attributes: true, attributeFilter: ['hidden']});
"""


def measure(driver, url, command, changes):
    driver.get(url)
    wait_for(lambda: driver.execute_script("return document.getElementById('room-name').textContent.length > 0"), 20)
    command("setRoomFull", {"full": False})
    time.sleep(0.5)
    driver.execute_script(OBSERVER)
    latencies = []
    for index in range(changes):
        full = index % 2 == 0
        sent = time.time() * 1000
        assert command("setRoomFull", {"full": full})["type"] == "ack"
        wait_for(lambda: driver.execute_script("return window.__changes.length") > index, 5)
        shown, at = driver.execute_script("return window.__changes[arguments[0]]", index)
        assert shown == full
        latencies.append(at - sent)
    return latencies


def main(changes=200):
    daemon = Daemon()
    nginx = NginxFront(tempfile.mkdtemp(prefix="podium-nginx-"))
    display = Display(daemon, nginx.environment())
    nginx.start({"display": int(display.url.rsplit(":", 1)[1])})
    driver = headless_chromium(*nginx.chromium_arguments())
    command = daemon.commander("room-0")
    try:
        for label, url in [("direct", f"{display.url}/rooms/room-0/door"),
                           ("nginx+TLS", f"{nginx.origin('display')}/rooms/room-0/door")]:
            latencies = measure(driver, url, command, changes)
            print(f"command → door DOM, {label}: n={len(latencies)} p50={percentile(latencies, 50):.1f} ms "
                  f"p95={percentile(latencies, 95):.1f} ms max={max(latencies):.1f} ms")
    finally:
        driver.quit()
        nginx.stop()
        display.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
