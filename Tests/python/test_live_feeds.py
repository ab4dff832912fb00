"""The live schedule feeds of podium-display, read by third-party parsers: `schedule.json` against the
C3VOC JSON Schema (jsonschema), `schedule.xml` against the C3VOC XSD (lxml), and the iCalendar feeds
with PyPI `icalendar`; the room running late moves the expected times, SEQUENCE and LAST-MODIFIED,
while the planned times stay in the documented extensions."""
import json
import os
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import icalendar
import jsonschema
from lxml import etree

from conftest import wait_until
from pages import room_status

# The C3VOC schemas among the real samples beside the repository (or $PODIUM_SAMPLES), as the import tests read them.
SAMPLES = Path(os.environ.get("PODIUM_SAMPLES") or Path(__file__).resolve().parents[3] / "shared" / "samples" / "schedules")
WAIT = 10


def fetch(display, path):
    with urllib.request.urlopen(display.url(path), timeout=10) as response:
        return response.headers.get("Content-Type"), response.read()


def utc(value):
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def late_panel(podiumd):
    """The opening (planned now-10m … now+20m) starts now with 15 minutes added: the panel, planned at
    now+30m, is expected at about now+35m."""
    podiumd.cli("start", "plenary")
    podiumd.cli("add-time", "plenary", "+15m")
    status = room_status(podiumd, "plenary")
    return status["upcoming"][0]


def test_schedule_json_is_valid_frab_json_with_expected_and_planned_times(podiumd, display):
    panel = late_panel(podiumd)
    content_type, body = fetch(display, "/schedule.json")
    assert content_type.startswith("application/json")
    document = json.loads(body)
    schema = json.loads((SAMPLES / "schedule.schema.json").read_text())
    jsonschema.Draft6Validator(schema).validate(document)
    events = [event for day in document["schedule"]["conference"]["days"] for room in day["rooms"].values()
              for event in room]
    found = next(event for event in events if event["title"] == "Panel")
    expected = datetime.fromisoformat(panel["expectedStart"].replace("Z", "+00:00"))
    start = datetime.fromisoformat(found["date"])
    assert timedelta(0) <= start - expected < timedelta(minutes=1), (found["date"], panel["expectedStart"])
    meta = document["schedule"]["conference"]["meta"]["podium"]["sessions"][found["guid"]]
    planned = datetime.fromisoformat(panel["session"]["plannedStart"].replace("Z", "+00:00"))
    assert datetime.fromisoformat(meta["plannedStart"]) == planned
    assert meta["session"] == "panel" and meta["status"] == "planned" and meta["delay"] >= 4 * 60


def test_schedule_xml_is_valid_against_the_c3voc_schema(podiumd, display):
    late_panel(podiumd)
    content_type, body = fetch(display, "/schedule.xml")
    assert content_type.startswith("application/xml")
    schema = etree.XMLSchema(etree.parse(str(SAMPLES / "schedule.xml.xsd")))
    document = etree.fromstring(body)
    assert schema.validate(document), schema.error_log
    titles = document.xpath("//event/title/text()")
    assert "Panel" in titles and "Opening keynote" in titles


def test_the_calendars_move_with_the_room_and_keep_the_planned_times(podiumd, display):
    panel = late_panel(podiumd)
    content_type, body = fetch(display, "/rooms/plenary/schedule.ics")
    assert content_type.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(body)
    events = {str(event["X-PODIUM-SESSION"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"opening", "panel"}, "one room's calendar"
    before = events["panel"]
    planned = datetime.fromisoformat(panel["session"]["plannedStart"].replace("Z", "+00:00"))
    assert str(before["X-PODIUM-PLANNED-START"]) == planned.strftime("%Y%m%dT%H%M%SZ")
    assert utc(before.decoded("DTSTART")) >= utc(planned) + timedelta(minutes=4)
    assert str(events["opening"]["X-PODIUM-STATUS"]) == "running"

    podiumd.cli("add-time", "plenary", "+10m")

    def moved():
        after = {str(e["X-PODIUM-SESSION"]): e
                 for e in icalendar.Calendar.from_ical(fetch(display, "/schedule.ics")[1]).walk("VEVENT")}
        return after if utc(after["panel"].decoded("DTSTART")) > utc(before.decoded("DTSTART")) else None
    after = wait_until(moved, WAIT, "the panel's expected start to move")
    assert utc(after["panel"].decoded("DTSTART")) - utc(before.decoded("DTSTART")) >= timedelta(minutes=9)
    assert int(after["panel"]["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["panel"].decoded("LAST-MODIFIED") >= before.decoded("LAST-MODIFIED")
    assert str(after["panel"]["X-PODIUM-PLANNED-START"]) == str(before["X-PODIUM-PLANNED-START"])
    assert str(after["panel"]["UID"]) == str(before["UID"])
    assert "workshop" in after, "the whole conference's calendar"
    assert fetch_status(display, "/rooms/nowhere/schedule.ics") == 404


def fetch_status(display, path):
    try:
        with urllib.request.urlopen(display.url(path), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
