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
