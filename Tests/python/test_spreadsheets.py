"""Organisers' spreadsheets in and out, with a third-party spreadsheet library (openpyxl) on the other side:
programmes written as Excel workbooks imported by `podium import` (dates as real spreadsheet dates, formulas,
merged cells, empty sheets), and `podium report --xlsx` read back sheet by sheet after a real daemon ran a panel."""
import subprocess
from datetime import datetime, time as clock_time, timedelta, timezone

import openpyxl
import pytest
from conftest import REPO, BIN_DIR, hermetic_environment, instant
from openpyxl.styles import Font

HEADER = ["id", "room", "title", "start", "end", "duration", "language", "speakers", "conference", "timezone"]


def podium(*args, cwd):
    return subprocess.run([str(BIN_DIR / "podium"), *args], capture_output=True, text=True, timeout=60, cwd=cwd,
                          env=hermetic_environment())


def workbook(path, rows, formats=None, merge=None):
    """A programme as Excel would save it: a bold header, dates as dates; formats maps a column to a number format."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Programme"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(name) for name in HEADER])
    for column, number_format in (formats or {}).items():
        for cell in sheet[column][1:]:
            cell.number_format = number_format
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_the_workbook_template_imports_as_the_csv_template_does(tmp_path):
    from_xlsx = podium("import", str(REPO / "config/programme-template.xlsx"), cwd=tmp_path)
    from_csv = podium("import", str(REPO / "config/programme-template.csv"), cwd=tmp_path)
    assert from_xlsx.returncode == 0, from_xlsx.stderr
    assert from_xlsx.stdout == from_csv.stdout
    assert "أمينة بنعلي" in from_xlsx.stdout and "minutes: 10" in from_xlsx.stdout


def test_a_programme_written_by_openpyxl_imports_with_dates_and_times(tmp_path):
    day = datetime(2026, 6, 25, 9, 0)
    path = workbook(tmp_path / "programme.xlsx", [
        {"id": "opening", "room": "Salle plénière", "title": "الجلسة الافتتاحية", "start": day,
         "end": day + timedelta(minutes=45), "speakers": "أمينة بنعلي (ar) 10; Jean Dupont (fr) 15",
         "timezone": "Africa/Casablanca"},
        {"id": "panel", "room": "Salle plénière", "title": "Care work <script>alert(1)</script> & \"quotes\"",
         "start": day + timedelta(hours=1), "duration": clock_time(1, 30)},
        {"id": "coffee", "room": "Salle plénière", "title": "Pause café", "start": day + timedelta(hours=2, minutes=30),
         "duration": 30},
    ], formats={"D": "dd/mm/yyyy hh:mm", "E": "dd/mm/yyyy hh:mm"})
    result = podium("import", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    conference = result.stdout
    # The conference file writes local times in the conference's zone.
    assert "start: 2026-06-25 09:00\n  end: 2026-06-25 09:45\n" in conference, conference
    assert "start: 2026-06-25 10:00\n  end: 2026-06-25 11:30\n" in conference, "a [h]:mm length of 1:30 is 90 min"
    assert "start: 2026-06-25 11:30\n  end: 2026-06-25 12:00\n" in conference, "a plain 30 is minutes"
    assert 'title: Care work <script>alert(1)</script> & "quotes"\n' in conference, "a title is kept literally"


def test_what_a_workbook_can_hold_wrongly_is_refused_naming_the_cell_and_nothing_is_written(tmp_path):
    into = tmp_path / "conference.yaml"
    day = datetime(2026, 6, 25, 9, 0)
    good = {"id": "a", "room": "Atlas", "title": "A", "start": day, "duration": 45, "timezone": "Africa/Casablanca"}
    cases = {
        "merged": (workbook(tmp_path / "merged.xlsx", [good, {**good, "id": "b", "start": day + timedelta(hours=1),
                                                               "room": None}], merge="B2:B3"),
                   "sheet 'Programme', cells B2:B3: merged cells"),
        # openpyxl writes formulas without computing them: no value was saved with the file.
        "formula": (workbook(tmp_path / "formula.xlsx", [{**good, "duration": "=30+15"}]),
                    "sheet 'Programme', row 2, cell F2: the formula =30+15 was saved without its value"),
        "serial": (workbook(tmp_path / "serial.xlsx", [{**good, "start": 46198.375}]),
                   "row 2, column start (D): '46198.375' is a number (as a date: 2026-06-25 09:00)"),
        "time only": (workbook(tmp_path / "time.xlsx", [{**good, "start": clock_time(9, 0)}], formats={"D": "hh:mm"}),
                      "'09:00' is a time without a date"),
        "empty": (workbook(tmp_path / "empty.xlsx", []), "row 2: no sessions below the header"),
    }
    for name, (path, expected) in cases.items():
        result = podium("import", str(path), "--into", str(into), cwd=tmp_path)
        assert result.returncode == 1, f"{name}: {result.stdout}"
        assert expected in result.stderr, f"{name}: {result.stderr}"
        assert not into.exists(), f"{name}: nothing is written"
    blank = openpyxl.Workbook()
    blank.save(tmp_path / "blank.xlsx")
    result = podium("import", str(tmp_path / "blank.xlsx"), cwd=tmp_path)
    assert result.returncode == 1 and "the sheet is empty" in result.stderr, result.stderr


@pytest.fixture
def panel_conference(tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    at = lambda minutes: instant(now + timedelta(minutes=minutes))  # noqa: E731
    path = tmp_path / "conference.yaml"
    path.write_text(f"""\
conference:
  id: pytest-workbook
  name: Conférence internationale sur l'économie du soin
  timeZone: Africa/Casablanca
  languages:
    - {{code: ar, name: العربية}}
    - {{code: fr, name: Français}}
rooms:
  - id: plenary
    name: "Salle plénière: [A]"
  - id: chellah
    name: Salle Chellah
sessions:
  - id: panel
    room: plenary
    title: Panel ministériel
    start: {at(0)}
    end: {at(30)}
    speakers:
      - {{name: نادية الإدريسي, language: ar, minutes: 7}}
      - {{name: Claire Morel, language: fr, minutes: 5}}
  - id: workshop
    room: chellah
    title: Atelier
    start: {at(0)}
    end: {at(60)}
    speakers:
      - {{name: Claire Morel, language: fr}}
""", encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_report_workbook_has_a_sheet_per_room_and_per_speaker(tmp_path, panel_conference, language):
    from conftest import Podiumd
    daemon = Podiumd(tmp_path, panel_conference)
    try:
        daemon.start()
        daemon.cli("start", "plenary")
        daemon.cli("next-speaker", "plenary")
        daemon.cli("end", "plenary")
    finally:
        daemon.close()
    path, page = tmp_path / "report.xlsx", tmp_path / "report.html"
    result = podium("report", "--xlsx", str(path), "--html", str(page), "--language", language,
                    "--data-dir", str(daemon.data_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    html = page.read_text(encoding="utf-8")
    speakers = html.split('<table class="speakers">')
    assert len(speakers) == 3, "each room's speakers after its sessions, from the same pass over the log"
    assert "<td dir=\"auto\">نادية الإدريسي</td>" in speakers[1] and "<td dir=\"auto\">Atelier</td>" in speakers[2]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Salle plénière- -A-", "Salle Chellah", "نادية الإدريسي", "Claire Morel"]
    plenary = book["Salle plénière- -A-"]
    assert (plenary.sheet_view.rightToLeft is True) == (language == "ar")
    header = [cell.value for cell in plenary[1]]
    assert header[0] == ("الجلسة" if language == "ar" else "Séance")
    assert plenary.freeze_panes == "A2"
    title, session_id, status, planned_start, planned_end, actual_start, actual_end, delay, overrun = \
        [cell.value for cell in plenary[2]]
    assert (title, session_id) == ("Panel ministériel", "panel")
    assert status == ("منتهية" if language == "ar" else "terminée")
    assert isinstance(planned_start, datetime) and isinstance(actual_end, datetime), "real spreadsheet dates"
    assert planned_end - planned_start == timedelta(minutes=30)
    assert abs(actual_start - planned_start) < timedelta(minutes=2), "local times in the conference's zone"
    assert isinstance(delay, (int, float)) and isinstance(overrun, (int, float)), "minutes are numbers"
    assert overrun < -25, "ended after seconds of a 30-minute panel"
    assert plenary.cell(row=2, column=4).number_format == "yyyy-mm-dd hh:mm"

    speaker = book["Claire Morel"]
    rows = [[cell.value for cell in row] for row in speaker.iter_rows(min_row=2)]
    assert [row[:2] for row in rows] == [["Salle plénière: [A]", "Panel ministériel"], ["Salle Chellah", "Atelier"]]
    assert rows[0][3] == 5.0, "her speaking time, in minutes"
    assert 0 <= rows[0][4] < 5 and rows[0][5] < 0, "she had the floor for seconds before the End"
    assert rows[1][3] is None and rows[1][4] == 0.0, "no speaking time given in the workshop, never started"
    nadia = [[cell.value for cell in row] for row in book["نادية الإدريسي"].iter_rows(min_row=2)]
    assert nadia[0][:2] == ["Salle plénière: [A]", "Panel ministériel"] and nadia[0][3] == 7.0
