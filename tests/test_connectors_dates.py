"""Dates and lines as real exports write them: two-digit years, a time of day (and a zone) where a
date is asked, the --date-format hint when dates do not read, and a file whose lines end some in CRLF
and some in LF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from health_tui.store import Store
from tests.test_connectors import EXPORTS, HARVEST_HEADER, hours, load, problems, refused, write


def test_two_digit_years_as_harvest_writes_them(store: Store) -> None:
    load(store, EXPORTS / "harvest_time_short_years.csv")  # 8/14/18: a day above 12, month first
    assert [row[:3] for row in hours(store)] == [
        ("Meridian Health Partners", date(2018, 9, 3), 4.0),
        ("Northwind Outfitters", date(2018, 8, 2), 1.5),
        ("Northwind Outfitters", date(2018, 8, 14), 2.5),
    ]


def test_a_time_of_day_and_a_zone_after_a_date_are_read_past(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        HARVEST_HEADER
        + "2026-09-20 08:03:55,Acme,W,D,,1,Yes,A,B\n"
        + "2026-09-21T23:10:00+02:00,Acme,W,D,,1,Yes,A,B\n"
        + "2026-09-22 8:03 PM GMT+2,Acme,W,D,,1,Yes,A,B\n",
    )
    load(store, path)
    assert [row[1] for row in hours(store)] == [
        date(2026, 9, 20),
        date(2026, 9, 21),
        date(2026, 9, 22),
    ]


def test_a_date_with_an_impossible_time_is_not_a_date(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "2026-09-20 25:00,Acme,W,D,,1,Yes,A,B\n")
    assert problems(store, path) == [
        "t.csv:2: Date: not a date (like 2025-03-31): '2026-09-20 25:00'"
    ]


def test_dates_that_do_not_read_name_the_date_format_option(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "31 Mar 2025,Acme,W,D,,1,Yes,A,B\n")
    text = str(refused(store, path))
    assert "t.csv:2: Date: not a date (like 2025-03-31): '31 Mar 2025'" in text
    assert "--date-format '%d %b %Y' reads 31 Mar 2025" in text
    load(store, path, date_format="%d %b %Y")
    assert hours(store)[0][1] == date(2025, 3, 31)


def test_unix_timestamps_and_excel_day_counts_are_said_for_what_they_are(
    store: Store, tmp_path: Path
) -> None:
    """A Unix timestamp (Delighted's API export) and Excel's day count (a date cell saved as a
    number) were told to pass a --date-format pattern, which cannot read either."""
    mapping = write(
        tmp_path,
        "inv.toml",
        'target = "invoices"\n[columns]\ninvoice_id = "Invoice"\nclient = "Customer"\n'
        'issued_on = "Date"\namount = "Amount"\n[fixed]\nstatus = "open"\n',
    )
    serial = write(tmp_path, "serial.csv", "Invoice,Customer,Date,Amount\nE-1,Blue Fig,46206,100\n")
    text = str(refused(store, serial, mapping=mapping))
    assert (
        "serial.csv:2: Date: not a date (like 2025-03-31): '46206'\n"
        "'46206' (Date, line 2) is a date as Excel stores it, a count of days since 1900:\n"
        "no --date-format reads it. In the spreadsheet, format the column as a date (Format "
        "Cells >\nDate, like 2026-07-01) and save the file as CSV again.\nNothing was changed"
    ) in text
    unix = write(
        tmp_path, "unix.csv", "Invoice,Customer,Date,Amount\nE-1,Blue Fig,1789900000,100\n"
    )
    text = str(refused(store, unix, mapping=mapping))
    assert (
        "'1789900000' (Date, line 2) is a Unix timestamp, seconds since 1970, not a date: no\n"
        "--date-format reads it. Export the file again with dates (like 2026-09-20), or in a\n"
        "spreadsheet put =A2/86400+DATE(1970,1,1) beside the column (A2 its first timestamp),\n"
        "format that as a date and save the file as CSV again.\nNothing was changed"
    ) in text
    assert "%d %b %Y" not in text  # no pattern reads it
    both = write(tmp_path, "both.csv", HARVEST_HEADER + "1789900000123,Acme,W,D,,1,Yes,A,B\n"
                 "31 Mar 2025,Acme,W,D,,1,Yes,A,B\n")  # fmt: skip
    text = str(refused(store, both))
    assert "milliseconds since 1970" in text and "=A2/86400000+DATE(1970,1,1)" in text
    assert "--date-format '%d %b %Y' reads 31 Mar 2025" in text


def test_other_problems_do_not_get_the_date_hint(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", HARVEST_HEADER + "2025-03-31,Acme,W,D,,x,Yes,A,B\n")
    assert "--date-format" not in str(refused(store, path))


def test_mixed_line_endings_are_read_as_lines(store: Store) -> None:
    raw = (EXPORTS / "harvest_time_mixed_endings.csv").read_bytes()
    assert raw.count(b"\r\n") == 3 and raw.count(b"\n") == 5  # really mixed
    summary = load(store, EXPORTS / "harvest_time_mixed_endings.csv")
    assert summary.rows == 4
    assert [row[5] for row in hours(store)] == [
        "Class pages, first pass",
        "Booking widget",
        "Maya's changes",
        "Teacher bios",
    ]


def test_mixed_line_endings_keep_line_numbers_in_problems(store: Store, tmp_path: Path) -> None:
    text = HARVEST_HEADER.replace("\n", "\r\n") + (
        '2025-07-01,Acme,W,D,"two\r\nlines",1,Yes,A,B\r\n'  # lines 2-3
        "2025-07-02,Acme,W,D,,1,Yes,A,B\n"  # line 4
        "2025-07-03,Acme,W,D,,x,Yes,A,B\n"  # line 5
    )
    path = write(tmp_path, "t.csv", text.encode())
    assert problems(store, path) == [
        "t.csv:5: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'x'"
    ]


def test_a_bare_cr_among_lf_lines_is_a_line_end_too(store: Store, tmp_path: Path) -> None:
    """A line ended by a bare CR (an old Mac's, or a stray one a program left) among LF lines:
    refused as "cannot read it as CSV: The CSV Parser state machine reached an invalid state" on
    line 1. Read as an editor shows it: each CR ends a line, and a problem is on its line."""
    text = HARVEST_HEADER + (
        "2025-07-01,Acme,W,D,,1,Yes,A,B\r"  # line 2
        "2025-07-02,Acme,W,D,,x,Yes,A,B\n"  # line 3
        "2025-07-03,Acme,W,D,,2,Yes,A,B\r\n"  # line 4
    )
    path = write(tmp_path, "t.csv", text.encode())
    assert problems(store, path) == [
        "t.csv:3: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'x'"
    ]
    summary = load(store, write(tmp_path, "t.csv", text.replace(",x,", ",3,").encode()))
    assert summary.rows == 3
    assert [h[2] for h in hours(store)] == [1.0, 3.0, 2.0]


def test_a_problem_in_an_old_mac_file_after_a_note_over_lines_is_on_its_line(
    store: Store, tmp_path: Path
) -> None:
    """Lines ending in a bare CR, and a note written over three of them: the row after it was
    said two lines short (line breaks inside values were counted as LFs only)."""
    text = HARVEST_HEADER.replace("\n", "\r") + (
        '2025-07-01,Acme,W,D,"call\r- brief\r- deadline",1,Yes,A,B\r'  # lines 2-4
        "2025-07-02,Acme,W,D,,x,Yes,A,B\r"  # line 5
    )
    path = write(tmp_path, "t.csv", text.encode())
    assert problems(store, path) == [
        "t.csv:5: Hours: not a number of hours (like 1.5, 1:30 or 1h30): 'x'"
    ]


def test_a_quoted_last_value_on_a_line_of_the_other_ending_is_read(
    store: Store, tmp_path: Path
) -> None:
    """A line added by hand (LF) to a Clockify export (CRLF) whose last value is quoted ("1,00":
    a decimal comma) was refused as "bad quoting", though the file is valid and the README says
    mixed endings are read."""
    text = (
        "Project,Client,Start Date,Duration (decimal)\r\n"
        'Web,Kestrel Outdoor,24/11/2026,"2,50"\r\n'
        'Web,Kestrel Outdoor,25/11/2026,"1,00"\n'  # line 3, added by hand
    )
    summary = load(store, write(tmp_path, "c.csv", text.encode()))
    assert summary.rows == 2
    assert [h[2] for h in hours(store)] == [2.5, 1.0]


def test_bad_quoting_in_a_file_of_mixed_endings_is_still_said_at_its_line(
    store: Store, tmp_path: Path
) -> None:
    text = (
        "Project,Client,Start Date,Duration (decimal)\r\n"
        'Web,Kestrel Outdoor,24/11/2026,"2,50"\n'
        'Web,Kestrel Outdoor,25/11/2026,"1,00\n'  # line 3: the quote is never closed
    )
    said = problems(store, write(tmp_path, "c.csv", text.encode()))
    assert len(said) == 1 and said[0].startswith("c.csv:3: ")
