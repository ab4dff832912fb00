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
        timeLeft: left ? left.textContent.trim() : null, full: !!banner && !banner.hidden};
"""


def main(url, *flags):
    driver = start_chromium(extra_arguments=flags)
    try:
        driver.get(url)
        while True:
            try:
                seen = driver.execute_script(STATE)
            except Exception as error:  # the page is (re)loading
                seen = {"error": type(error).__name__}
            print(json.dumps(seen), flush=True)
            time.sleep(0.1)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
