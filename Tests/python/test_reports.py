"""The HTML report, produced by `podium report` from a real daemon's log, opened in headless Chromium."""
import subprocess
from pathlib import Path

from conftest import hermetic_environment, write_display_conference, ARABIC_TITLE, HOSTILE_TITLE


def report(podiumd, *args):
    result = subprocess.run(
        [str(podiumd.bin_dir / "podium"), "report", "--data-dir", str(podiumd.data_dir), *args],
        capture_output=True, text=True, timeout=30, env=hermetic_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_the_html_report_reads_in_arabic_and_escapes_every_title(tmp_path, podiumd, browser):
    write_display_conference(podiumd.conference)
    podiumd.kill()
    podiumd.data_dir = tmp_path / "report-data"
    podiumd.start()
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+5m")
    podiumd.cli("end", "plenary")
    podiumd.cli("start", "plenary")

    path = tmp_path / "report.html"
    report(podiumd, "--html", str(path), "--language", "ar")
    browser.get(path.as_uri())
    script = browser.execute_script
    assert script("return document.documentElement.dir") == "rtl"
    assert script("return getComputedStyle(document.body).direction") == "rtl"
    titles = script("return [...document.querySelectorAll('tr[data-session] td:first-child')].map(td => td.textContent)")
    assert ARABIC_TITLE in titles and HOSTILE_TITLE in titles, titles
    assert script("return document.querySelectorAll('tr[data-session] img, tr[data-session] b').length") == 0
    assert script("return window.__xss") is None
    # Planned and actual bars: the opening ended, the panel is on. A session across local
    # midnight is drawn on both days, each part within its day's timeline.
    bars = script("""return [...document.querySelectorAll('svg rect')].map(r => ({
        kind: r.getAttribute('class'), title: r.querySelector('title').textContent,
        x: +r.getAttribute('x'), right: +r.getAttribute('x') + +r.getAttribute('width'),
        width: r.ownerSVGElement.viewBox.baseVal.width}))""")
    assert len({bar["title"] for bar in bars if bar["kind"] == "planned"}) == 4, bars
    assert {bar["title"] for bar in bars if bar["kind"].startswith("actual")} == {ARABIC_TITLE, HOSTILE_TITLE}, bars
    assert {bar["title"] for bar in bars if bar["kind"] == "actual running"} == {HOSTILE_TITLE}, bars
    assert all(120 <= bar["x"] <= bar["right"] <= bar["width"] - 24 + 1e-6 for bar in bars), bars
    statuses = script("return [...document.querySelectorAll('tr[data-session] td:last-child')].map(td => td.textContent)")
    assert statuses[:2] == ["منتهية", "جارية"], statuses
    Path("artifacts").mkdir(exist_ok=True)
    browser.save_screenshot("artifacts/report-ar.png")

    csv = report(podiumd, "--csv").splitlines()
    assert csv[0].startswith("room,session,title,status,planned_start")
    assert any(line.startswith("plenary,") and ",ended," in line for line in csv)
