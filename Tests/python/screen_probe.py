"""A screen on another host, for the multi-host test: run inside that host's network namespace,
it opens URL in headless Chromium and prints what the page shows, one JSON line every 100 ms
({"reconnecting": …, "timeLeft": …, "full": …}), until killed.
Usage: screen_probe.py URL [CHROMIUM-FLAG…]"""
import json
import sys
import time

from conftest import start_chromium

STATE = """
const mark = document.getElementById('reconnecting'), left = document.getElementById('time-left');
const banner = document.getElementById('full-banner');
return {reconnecting: !!window.Podium && Podium.isReconnecting() && !!mark && !mark.hidden,
        timeLeft: left ? left.textContent.trim() : null, full: !!banner && !banner.hidden,
        page: location.href.slice(0, 120), loaded: !!window.Podium};
"""


def main(url, *flags):
    driver = start_chromium(extra_arguments=flags)
    try:
        driver.get(url)
        loaded = time.monotonic()
        while True:
            try:
                seen = driver.execute_script(STATE)
            except Exception as error:  # the page is (re)loading
                seen = {"error": type(error).__name__}
            print(json.dumps(seen), flush=True)
            # As a kiosk does: a page that did not come (the network was not there yet) is loaded again.
            if not seen.get("loaded") and time.monotonic() - loaded > 5:
                driver.get(url)
                loaded = time.monotonic()
            time.sleep(0.1)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
