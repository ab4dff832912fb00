"""DOM and daemon helpers the browser tests share (Selenium driver in, plain values out)."""
import re

from conftest import wait_until

WAIT = 10  # seconds, for what a page shows after a change
MINUS = "\u2212"  # the minus sign of countdowns running over


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def text(driver, selector):
    """textContent of the first match, or None."""
    return js(driver, "var n = document.querySelector(arguments[0]); return n ? n.textContent : null;", selector)


def shown(driver, selector):
    """Whether the element exists, is not hidden and takes room on the page."""
    return js(driver, """
        var n = document.querySelector(arguments[0]);
        if (!n) return false;
        for (var p = n; p && p.nodeType === 1; p = p.parentElement) if (p.hidden) return false;
        return n.getClientRects().length > 0;""", selector)


def wait_shown(driver, selector, expected=True, timeout=WAIT):
    wait_until(lambda: shown(driver, selector) == expected, timeout,
               f"{selector} to be {'shown' if expected else 'hidden'}", interval=0.1)


def has_class(driver, selector, cls):
    return js(driver, "var n = document.querySelector(arguments[0]); return !!n && n.classList.contains(arguments[1]);",
              selector, cls)


def wait_class(driver, selector, cls, expected=True, timeout=WAIT):
    wait_until(lambda: has_class(driver, selector, cls) == expected, timeout,
               f"{selector} {'to have' if expected else 'to lose'} class {cls}", interval=0.1)


def wait_js(driver, script, what, timeout=WAIT, *args):
    """Waits until the script returns something truthy; returns it."""
    return wait_until(lambda: driver.execute_script(script, *args), timeout, what, interval=0.1)


def wait_text(driver, selector, predicate, what=None, timeout=WAIT):
    """Waits until predicate(textContent) holds (a string predicate means equality); returns the text."""
    check = predicate if callable(predicate) else (lambda value: value == predicate)
    last = []

    def ready():
        value = text(driver, selector)
        last[:] = [value]
        return value is not None and check(value)
    try:
        wait_until(ready, timeout, what or f"{selector} to match", interval=0.1)
    except BaseException:
        print(f"last text of {selector}: {last!r}")
        raise
    return last[0]


def open_page(driver, url, ready="!!window.Podium"):
    """Loads `url` and waits until it is complete and the script global `ready` names is there."""
    driver.get(url)
    wait_js(driver, f"return document.readyState === 'complete' && {ready}", f"{url} to load")


def countdown_at(driver, selector="#time-left"):
    """Seconds of the countdown `selector` shows, once it shows one."""
    return countdown(wait_text(driver, selector, lambda value: re.fullmatch(f"{MINUS}?\\d+(:\\d\\d){{1,2}}", value),
                               f"a countdown in {selector}"))


def countdown(value):
    """Seconds from a countdown text: "29:57" → 1797, "1:02:03" → 3723, "−0:05" → -5."""
    assert re.fullmatch(f"{MINUS}?\\d+(:\\d\\d){{1,2}}", value), f"not a countdown: {value!r}"
    sign = -1 if value.startswith(MINUS) else 1
    total = 0
    for part in value.lstrip(MINUS).split(":"):
        total = total * 60 + int(part)
    return sign * total


def room_status(podiumd, room):
    snapshot = podiumd.snapshot(f"room/{room}")
    return next(entry["value"] for entry in snapshot["entries"] if entry["topic"] == f"room/{room}")


def clear_result(driver):
    js(driver, "var r = document.getElementById('result'); r.className = 'result'; r.removeAttribute('data-code');"
               "r.textContent = '';")


def click_command(driver, selector, expected="ok"):
    """Clicks a command button; waits for #result; returns (class, data-code)."""
    clear_result(driver)
    driver.find_element("css selector", selector).click()
    outcome = wait_js(driver, """var r = document.getElementById('result');
        return (r.classList.contains('ok') || r.classList.contains('error'))
            && [r.classList.contains('ok') ? 'ok' : 'error', r.getAttribute('data-code'), r.textContent];""",
                      f"a result for {selector}")
    assert outcome[0] == expected, outcome
    return outcome
