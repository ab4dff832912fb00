"""Command sent → DOM changed in headless Chromium, over 200 changes of the speaker's message.

The page records when a MutationObserver sees each new text (Date.now()); the benchmark
records when it sent each command (time.time()): same machine, same wall clock.
"""
import time

from podium_processes import Daemon, Display, headless_chromium, percentile, wait_for

OBSERVER = """
window.__seen = {};
const target = document.getElementById('message');
new MutationObserver(() => { window.__seen[target.textContent.trim()] = Date.now(); })
  .observe(target, {childList: true, characterData: true, subtree: true});
"""


def main(changes=200):
    daemon = Daemon()
    display = Display(daemon)
    driver = headless_chromium()
    command = daemon.commander("room-0")
    try:
        command("start")
        driver.get(f"{display.url}/rooms/room-0/monitor?lang=fr&name=bench")
        wait_for(lambda: driver.execute_script("return document.getElementById('time-left').textContent.length > 0"))
        driver.execute_script(OBSERVER)
        sent = {}
        for index in range(changes):
            text = f"change {index}"
            sent[text] = time.time() * 1000
            assert command("showMessage", {"text": text})["type"] == "ack"
            wait_for(lambda: driver.execute_script("return window.__seen[arguments[0]] !== undefined", text), 5)
        seen = driver.execute_script("return window.__seen")
        latencies = [seen[text] - sent[text] for text in sent]
        print(f"command → DOM: n={len(latencies)} p50={percentile(latencies, 50):.1f} ms "
              f"p95={percentile(latencies, 95):.1f} ms max={max(latencies):.1f} ms")
    finally:
        driver.quit()
        display.stop()
        daemon.stop()


if __name__ == "__main__":
    main()
