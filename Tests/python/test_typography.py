"""Three scripts set right on every screen, in a real headless Chromium with the Arabic font.

Every screen (door, monitor, lobby, control, booth console, chief, audience page, moderators'
console, the HTML report) × ar/fr/en × 1920×1080, 3840×2160 and 1080×1920, on a conference whose
titles and names are long, mixed-direction and full of descenders (Arabic ي ج ع, Latin g y p):

- no line of text has its ink cut by the box that clips it (the dots under a final ي stay): the
  ink is measured with the canvas from the element's own font, placed on each line the range
  lays out; a line is either wholly inside its clipping box or wholly hidden;
- a hidden line is hidden by a clamp that draws an ellipsis (line-clamp or text-overflow), and
  that element's direction is its text's own, so that the ellipsis ends the text where it ends;
- nothing scrolls sideways, and the kiosk screens (door, monitor, lobby) not at all.

Screenshots of every combination go to artifacts/typography/. The check is layout only: under the
pinned instants of scripts/test (faketime) it is not run again, as the hour changes nothing it measures.
"""
import os
import subprocess
import urllib.parse
from datetime import datetime, timedelta, timezone

import pytest
import requests
from conftest import (REPO, BoothTimer, Podiumd, QuestionsPlugin, RoomDisplay, hermetic_environment, instant,
                      start_chromium, wait_until, yaml_string)

pytestmark = pytest.mark.skipif("FAKETIME" in os.environ, reason="layout only: the hour changes nothing it checks")

ARTIFACTS = REPO / "artifacts" / "typography"
LANGUAGES = ("ar", "fr", "en")
SIZES = ((1920, 1080), (3840, 2160), (1080, 1920))
WAIT = 15

ARABIC_LONG = ("الحماية الاجتماعية والاقتصاد التضامني: نحو نظام وطني شامل ومتكامل لرعاية الأطفال والمسنين "
               "والأشخاص في وضعية إعاقة في جميع جهات المملكة، مع الإطار القانوني والتمويل والتقييم")
FRENCH_LONG = ("Protection sociale et économie du care : vers un système national intégré, juridique et budgétaire, "
               "pour l’accueil des jeunes enfants, des aînés et des personnes en situation de handicap, typologie")
ENGLISH_LONG = ("Social protection and the care economy: a legally grounded, properly budgeted national system "
                "for young children, older people and people with disabilities, by region, with typology")
MIXED = "الجلسة العامة: Care Policy 2026 في 3 لغات — القانوني، بنعلي، يجعل"


def write_conference(path, now):
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    path.write_text(f"""\
conference:
  id: typography
  name: "Conférence internationale sur l’économie du care et la protection sociale — Rabat 2026"
  names: {{ar: "المؤتمر الدولي حول اقتصاد الرعاية والحماية الاجتماعية — الرباط 2026", en: "International Conference on the Care Economy and Social Protection"}}
  timeZone: Africa/Casablanca
  languages:
    - {{code: ar, name: العربية}}
    - {{code: fr, name: Français}}
    - {{code: en, name: English}}
rooms:
  - id: plenary
    name: "Grande salle plénière des conférences internationales Ibn Battuta"
    names: {{ar: "القاعة الكبرى للمؤتمرات الدولية ابن بطوطة", en: "Ibn Battuta International Plenary Hall"}}
    questions: https://questions.example/plenary
    booths:
      - id: ar
        language: ar
        channel: 1
        from: [fr, en]
        retour: true
        interpreters:
          - {{id: yasmine, name: "ياسمين الجعفري بنعلي"}}
          - {{id: rajae, name: "رجاء العيساوي القانوني"}}
      - id: fr
        language: fr
        channel: 2
        from: [ar, en]
        interpreters:
          - {{id: guy, name: "Guy-Philippe Jourdain-Puygrenier"}}
          - {{id: agnes, name: "Agnès Hyppolite-Gaspard"}}
      - id: en
        language: en
        channel: 3
        from: [fr]
        interpreters:
          - {{id: peggy, name: "Peggy Gypsy Pryor-Jiggs"}}
  - id: atelier
    name: "Atelier B — salle des ateliers parallèles"
  - id: salle3
    name: "قاعة الاجتماعات الجانبية"
sessions:
  - id: opening
    room: plenary
    title: {yaml_string(ARABIC_LONG)}
    titles: {{fr: {yaml_string(FRENCH_LONG)}, en: {yaml_string(ENGLISH_LONG)}}}
    start: {at(-5)}
    end: {at(40)}
    language: ar
    speakers:
      - {{name: "أمينة بنعلي الجعفري", language: ar, affiliation: "وزارة التضامن والإدماج الاجتماعي والأسرة"}}
      - {{name: "Jean-Guy Pépin-Gagnon", language: fr, affiliation: "Organisation internationale du travail, typologie"}}
      - {{name: "Peggy Jiggs", language: en, affiliation: "Global Policy Agency for Equity"}}
      - {{name: "يحيى العلوي القانوني", language: ar}}
  - id: panel
    room: plenary
    title: {yaml_string(MIXED)}
    start: {at(45)}
    duration: 1h
  - id: workshop
    room: atelier
    title: {yaml_string(FRENCH_LONG)}
    start: {at(-5)}
    duration: 1h
    language: fr
  - id: tomorrow
    room: atelier
    title: {yaml_string(ARABIC_LONG)}
    start: {at(24 * 60)}
    duration: 1h
  - id: side
    room: salle3
    title: {yaml_string(ENGLISH_LONG)}
    start: {at(30)}
    duration: 45m
""", encoding="utf-8")
    return path


# The whole check, run in the page: a list of what is wrong, each naming the element and its text.
CHECK = r"""
const kiosk = arguments[0];
const problems = [];
const canvas = document.createElement('canvas').getContext('2d');
const TOLERANCE = 0.5;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/, STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.classList.length ? '.' + [...el.classList].join('.') : '');
const clips = (style) => ['hidden', 'clip'].includes(style.overflowY) || ['hidden', 'clip'].includes(style.overflowX);
const clamps = (el, style) => (style.webkitLineClamp && style.webkitLineClamp !== 'none') ||
  (style.textOverflow === 'ellipsis' && style.whiteSpace.startsWith('nowrap'));
function paddingBox(el) {
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  return { top: r.top + parseFloat(s.borderTopWidth), bottom: r.bottom - parseFloat(s.borderBottomWidth),
           left: r.left + parseFloat(s.borderLeftWidth), right: r.right - parseFloat(s.borderRightWidth) };
}
function ownDirection(text) {
  const first = (text.match(STRONG) || [''])[0];
  return first && RTL.test(first) ? 'rtl' : 'ltr';
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const inks = new Map();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent;
  const el = node.parentElement;
  if (!text.trim() || !el || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
  const style = getComputedStyle(el);
  canvas.font = style.font || `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const m = canvas.measureText(text);
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  // The clipping ancestors, nearest first, up to the viewport.
  const clippers = [];
  for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (clips(s)) clippers.push([a, s]);
  }
  for (const line of lines) {
    const baseline = line.top + m.fontBoundingBoxAscent;
    const ink = { top: baseline - m.actualBoundingBoxAscent, bottom: baseline + m.actualBoundingBoxDescent,
                  left: line.left, right: line.right };
    for (const [clipper, s] of clippers) {
      const box = paddingBox(clipper);
      const outside = ink.bottom <= box.top + TOLERANCE || ink.top >= box.bottom - TOLERANCE ||
        ink.right <= box.left + TOLERANCE || ink.left >= box.right - TOLERANCE;
      const cutBlock = !outside && (ink.top < box.top - TOLERANCE || ink.bottom > box.bottom + TOLERANCE);
      const cutInline = !outside && (ink.left < box.left - TOLERANCE || ink.right > box.right + TOLERANCE);
      const what = `${name(el)} «${text.trim().slice(0, 40)}» in ${name(clipper)}`;
      if (cutBlock) problems.push(`ink cut: ${what} (ink ${ink.top.toFixed(1)}…${ink.bottom.toFixed(1)}, ` +
                                  `box ${box.top.toFixed(1)}…${box.bottom.toFixed(1)})`);
      else if (cutInline && !clamps(clipper, s)) problems.push(`cut sideways without an ellipsis: ${what}`);
      if (outside) {
        // A hidden line: some element between the text and this clipper must draw the ellipsis.
        let clamp = null;
        for (let a = el; a; a = a.parentElement) {
          if (clamps(a, getComputedStyle(a))) { clamp = a; break; }
          if (a === clipper) break;
        }
        if (!clamp) problems.push(`hidden without an ellipsis: ${what}`);
      }
      if (outside) break;  // wholly hidden here: what clips further out does not matter
    }
  }
}
// Every clamped text: its direction is its own, so the ellipsis ends it on the right side.
for (const el of document.body.querySelectorAll('*')) {
  const s = getComputedStyle(el);
  if (!clamps(el, s) || !el.checkVisibility()) continue;
  const clamped = s.webkitLineClamp !== 'none' ? el.scrollHeight > el.clientHeight + 1 : el.scrollWidth > el.clientWidth + 1;
  if (!clamped) continue;
  const expected = ownDirection(el.textContent);
  if (s.direction !== expected) {
    problems.push(`ellipsis on the wrong side: ${name(el)} «${el.textContent.trim().slice(0, 40)}» is ` +
                  `${s.direction}, its text ${expected}`);
  }
  // Chromium draws a clamp's ellipsis after the line's end: aligned to the end, it falls off the box.
  const toEnd = s.textAlign === 'end' || s.textAlign === (s.direction === 'rtl' ? 'left' : 'right') ||
    s.textAlign === (s.direction === 'rtl' ? '-webkit-left' : '-webkit-right');
  if (toEnd) problems.push(`ellipsis off the edge: ${name(el)} «${el.textContent.trim().slice(0, 40)}» is ` +
                           `${s.direction} aligned ${s.textAlign}`);
}
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) problems.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
if (kiosk && root.scrollHeight > root.clientHeight + 1) problems.push(`scrolls: ${root.scrollHeight} > ${root.clientHeight}`);
return [...new Set(problems)];
"""


@pytest.fixture(scope="module")
def venue(tmp_path_factory):
    """A daemon on the typography conference with every plugin, the plenary and the atelier started,
    two questions approved (one on screen), a message on the speaker's monitor, and the HTML report."""
    workdir = tmp_path_factory.mktemp("typography")
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    daemon = Podiumd(workdir, write_conference(workdir / "conference.yaml", now))
    display, booth, qa = RoomDisplay(workdir, daemon), BoothTimer(workdir, daemon), QuestionsPlugin(workdir, daemon)
    try:
        daemon.start()
        for plugin in (display, booth, qa):
            plugin.start()
        daemon.cli("start", "plenary")
        daemon.cli("start", "atelier")
        daemon.cli("message", "plenary", "يرجى الاختتام خلال دقيقتين — Merci de conclure, typographie juste")
        status, reply = booth.command("plenary", "takeMic", booth="ar", interpreter="yasmine")
        assert status == 200 and reply.get("ok"), reply
        for question in (ARABIC_LONG + "؟", FRENCH_LONG + " ?"):
            response = requests.post(qa.url("/api/rooms/plenary/questions"), json={"text": question[:280]}, timeout=10)
            assert response.status_code == 201, response.text
            qid = response.json()["question"]
            status, reply = qa.moderate("plenary", "approveQuestion", question=qid)
            assert status == 200, reply
        status, reply = qa.moderate("plenary", "showQuestion", question=qid)
        assert status == 200, reply
        reports = {}
        for lang in LANGUAGES:
            path = workdir / f"report-{lang}.html"
            result = subprocess.run([str(daemon.bin_dir / "podium"), "report", "--data-dir", str(daemon.data_dir),
                                     "--html", str(path), "--language", lang],
                                    capture_output=True, text=True, timeout=30, env=hermetic_environment())
            assert result.returncode == 0, result.stdout + result.stderr
            reports[lang] = path.as_uri()
        yield {"display": display, "booth": booth, "qa": qa, "reports": reports}
    finally:
        for plugin in (display, booth, qa):
            plugin.kill()
        daemon.close()


# screen → (url for a language, is it a kiosk screen, what must be on it once the data has come)
def screens(venue):
    d, b, q = venue["display"], venue["booth"], venue["qa"]
    return {
        "door": (lambda lang: d.url(f"/rooms/plenary/door?lang={lang}"), True, "#session-title"),
        "door-atelier": (lambda lang: d.url(f"/rooms/atelier/door?lang={lang}"), True, "#session-title"),
        "monitor": (lambda lang: d.url(f"/rooms/plenary/monitor?lang={lang}"), True, "#time-left"),
        "lobby": (lambda lang: d.url(f"/lobby?lang={lang}"), True, ".room-card"),
        "control": (lambda lang: d.url(f"/rooms/plenary/control?lang={lang}"), False, "#time-left"),
        "booth": (lambda lang: b.url(f"/rooms/plenary/booths/ar?lang={lang}"), False, "#on-mic"),
        "chief": (lambda lang: b.url(f"/chief?lang={lang}"), False, ".card"),
        "ask": (lambda lang: q.url(f"/rooms/plenary/ask?lang={lang}"), False, "body"),
        "moderate": (None, False, "#room-id"),
        "report": (lambda lang: venue["reports"][lang], False, "table"),
    }


@pytest.fixture(scope="module")
def chromium():
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def open_screen(driver, venue, screen, lang):
    url, kiosk, ready = screens(venue)[screen]
    if screen == "moderate":
        driver.get(venue["qa"].moderator_link("plenary"))
        driver.execute_script("localStorage.setItem('podium.qa.moderator', JSON.stringify('Nadia'))")
        driver.get(venue["qa"].url(f"/moderate/plenary?lang={lang}"))
    else:
        driver.get(url(lang))
    wait_until(lambda: driver.execute_script(
        "var n = document.querySelector(arguments[0]); return document.readyState === 'complete' && n && "
        "n.textContent.trim().length > 0", ready), WAIT, f"{screen} ({lang}) to show {ready}", interval=0.1)
    driver.execute_script("return document.fonts.ready")
    # One second of live updates and the clock's tick, then the layout is what a person sees.
    wait_until(lambda: driver.execute_script("return performance.now()") > 1500, WAIT, "a second of the page")
    return kiosk


@pytest.mark.parametrize("screen", ["door", "door-atelier", "monitor", "lobby", "control", "booth", "chief", "ask",
                                    "moderate", "report"])
def test_every_screen_keeps_its_text_whole_in_three_scripts(venue, chromium, screen):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    found = []
    for width, height in SIZES:
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        for lang in LANGUAGES:
            kiosk = open_screen(chromium, venue, screen, lang)
            problems = chromium.execute_script(CHECK, kiosk)
            chromium.save_screenshot(str(ARTIFACTS / f"{screen}-{lang}-{width}x{height}.png"))
            found += [f"{screen} {lang} {width}×{height}: {problem}" for problem in problems]
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not found, "\n".join(found)


def test_the_check_sees_a_cut_descender_a_missing_ellipsis_and_a_wrong_side(chromium):
    """The check itself can fail: a page with each defect the screens once had."""
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 1200, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    chromium.get("data:text/html;charset=utf-8," + urllib.parse.quote(f"""
      <html lang="fr" dir="ltr"><body style="font-family: 'Noto Sans Arabic', 'Noto Sans'; font-size: 40px">
      <p id="tight" dir="auto" style="line-height: 1.15; overflow: hidden; display: -webkit-box;
         -webkit-box-orient: vertical; -webkit-line-clamp: 1; width: 300px">بنعلي القانوني بنعلي القانوني بنعلي</p>
      <div id="panel" style="overflow: hidden; height: 60px; line-height: 2"><p>Ligne une gyp</p><p>Ligne deux</p></div>
      <p id="side" style="overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1;
         line-height: 2.2; width: 300px">{ARABIC_LONG}</p>
      </body></html>"""))
    problems = chromium.execute_script(CHECK, True)
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert any(p.startswith("ink cut: p#tight") for p in problems), problems
    assert any(p.startswith("hidden without an ellipsis: p") and "div#panel" in p for p in problems), problems
    assert any(p.startswith("ellipsis on the wrong side: p#side") for p in problems), problems
