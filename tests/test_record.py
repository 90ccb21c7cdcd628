"""Keeping the record: what the owner logs (interactions, feedback, journal notes) is committed at once,
counts in the next score, can be edited or deleted by its key, and survives every import; imported
rows are never matched. The command line finds clients as `clients` does and refuses bad values with
the allowed ones. Corrections to a client's facts are the owner's and win over imports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.clients import (
    FactRefused,
    client_profile,
    correct_client,
    merge_clients,
    plan_corrections,
)
from health_tui.ingest.backup import backup_folder, restore_folder
from health_tui.ingest.connector import import_path
from health_tui.record import (
    EntryGone,
    FeedbackEntry,
    InteractionEntry,
    Kind,
    NoteEntry,
    delete_entry,
    get_entry,
    log_entry,
    update_entry,
)
from health_tui.score_change import score_change
from health_tui.scoring.engine import score_portfolio
from health_tui.settings import Settings
from health_tui.store import Store, open_store
from tests.conftest import empty_copy, small_copy

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "small"
HARVEST = ROOT / "fixtures" / "exports" / "harvest_time.csv"
AS_OF = date(2026, 9, 30)
AT = datetime(2026, 9, 20, 10, 0)
NOW = datetime(2026, 9, 21, 9, 0)


def complaint(**kw) -> InteractionEntry:
    fields = dict(client_id="northwind", happened_at=AT, kind="complaint", channel="phone",
                  tone=-2, note="Shouted about the launch date")  # fmt: skip
    fields.update(kw)
    return InteractionEntry.model_validate(fields)


def app_rows(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT 'i', client_id, kind, source_key FROM interactions WHERE source = 'app' "
        "UNION ALL SELECT 'f', client_id, CAST(score AS VARCHAR), source_key FROM feedback "
        "WHERE source = 'app' UNION ALL SELECT 'n', client_id, note, source_key FROM client_notes "
        "ORDER BY ALL"
    ).fetchall()


def health(store: Store, client_id: str = "northwind"):
    portfolio = score_portfolio(store, AS_OF, Settings())
    return portfolio.by_id(client_id)


# -- the core -------------------------------------------------------------------------------------


def test_a_logged_complaint_counts_in_the_next_score_and_says_what_moved(small: Store) -> None:
    before = health(small)
    logged = log_entry(small, complaint())
    after = health(small)
    assert len(logged.key) == 32 and after.health < before.health
    change = score_change(before, after)
    names = [name for name, _ in change.parts]
    assert names[0] in ("friction", "satisfaction")
    # the parts add up to the change of the healths shown, to the tenth
    shown = round(after.health) - round(before.health)
    assert round(sum(d for _, d in change.parts), 1) == shown
    sentence = change.sentence()
    assert sentence.startswith(f"health {before.health:.0f} → {after.health:.0f}: ")
    assert "friction −" in sentence and "satisfaction −" in sentence


def test_a_note_is_kept_and_never_scored(small: Store) -> None:
    before = health(small)
    noted_at = datetime(2026, 9, 30, 17, 0)
    log_entry(small, NoteEntry(client_id="northwind", noted_at=noted_at, text="New CMO from March"))
    assert health(small) == before
    timeline = small.dicts("client_timeline_interactions",
                           {"client_id": "northwind", "as_of": AS_OF, "limit": 5})  # fmt: skip
    assert timeline[0]["entry"] == "note" and timeline[0]["note"] == "New CMO from March"
    assert timeline[0]["entry_key"] is not None


def test_edit_and_delete_touch_only_what_the_owner_logged(small: Store) -> None:
    logged = log_entry(small, complaint())
    update_entry(small, logged.key, complaint(kind="praise", tone=2, note="Loved it after all"))
    again = get_entry(small, "interaction", "northwind", logged.key)
    assert again.entry.kind is Kind.praise and again.entry.tone == 2
    assert again.entry.note == "Loved it after all"
    imported = small.con.execute(
        "SELECT count(*) FROM interactions WHERE source <> 'app'"
    ).fetchone()
    # A folder row's source_key is its client's id: it must never be matched as an owner's key.
    with pytest.raises(EntryGone):
        delete_entry(small, "interaction", "northwind", "northwind")
    with pytest.raises(EntryGone):
        update_entry(small, "northwind", complaint())
    assert (
        small.con.execute("SELECT count(*) FROM interactions WHERE source <> 'app'").fetchone()
        == imported
    )
    delete_entry(small, "interaction", "northwind", logged.key)
    assert app_rows(small) == []


def test_text_is_stored_inert(small: Store) -> None:
    logged = log_entry(small, complaint(note="  [bold]hi[/]\x1b[31m\x07 there\n  "))
    assert logged.entry.note == "[bold]hi[/] there"  # markup is kept as text, never parsed
    note = NoteEntry(client_id="northwind", noted_at=AT, text="\x1b]8;;http://x\x07link")
    assert note.text == "link"
    with pytest.raises(ValueError):
        NoteEntry(client_id="northwind", noted_at=AT, text=" \x1b[2J ")


def test_what_the_owner_logged_survives_reimports_and_exports(small: Store) -> None:
    log_entry(small, complaint())
    log_entry(small, FeedbackEntry(client_id="northwind", on=AT.date(), score=3, comment="Meh"))
    log_entry(small, NoteEntry(client_id="northwind", noted_at=AT, text="Call back Monday"))
    logged = app_rows(small)
    assert len(logged) == 3
    import_path(small, SMALL)  # the folder again: its own rows are replaced, not the owner's
    import_path(small, HARVEST)  # an export naming "Northwind Outfitters" merges into it
    import_path(small, SMALL, replace=True)  # even --replace keeps what the owner recorded
    assert app_rows(small) == logged


def test_what_the_owner_logged_read_back_from_an_export_counts_once(
    small: Store, tmp_path: Path
) -> None:
    """An `export --import-format` holds the owner's entries as plain rows: imported back, each
    counted twice ("2 complaints this quarter", health 10 points lower, unsaid). A row equal to
    one the owner logged is left out and said; one that only looks like it is warned about."""
    from health_tui.ingest.export import export_import_format

    log_entry(small, complaint())
    log_entry(small, FeedbackEntry(client_id="northwind", on=AT.date(), score=3, comment="Meh"))
    before = health(small)
    export_import_format(small, tmp_path / "sheet")
    summary = import_path(small, tmp_path / "sheet", replace=True)
    assert health(small) == before
    assert any("Left out 2 rows equal, field for field" in n for n in summary.notes)
    assert summary.counts["interactions"] + summary.counts["feedback"] == len(
        small.con.execute(
            "SELECT 1 FROM interactions WHERE source = 'folder' "
            "UNION ALL SELECT 1 FROM feedback WHERE source = 'folder'"
        ).fetchall()
    )
    # the same answer typed in from an e-mail, then imported from the survey with its own words
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Respondent,Submitted,Score,Why\nNorthwind Outfitters,2026-09-20,3,Slow launch\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "survey.toml"
    mapping.write_text(
        'target = "feedback"\n[columns]\nclient = "Respondent"\ndate = "Submitted"\n'
        'score = "Score"\ncomment = "Why"\n',
        encoding="utf-8",
    )
    said = import_path(small, survey, mapping=mapping)
    assert said.rows == 1
    assert said.warnings == [
        "1 row looks like entries you logged in the app (the same client, day and kind of "
        "message, or feedback score): 'Northwind Outfitters', 2026-09-20: feedback 3/10. Both "
        "count. If one is the other (a score typed in from an e-mail, then the survey imported), "
        "delete yours in the client's timeline (t in the app)."
    ]
    # another tool's rows equal to the owner's are warned of, never left out: two people of one
    # client answering alike, one typed in by the owner, lost both (reviewer), and a pairing kept
    # per survey took a row from each survey imported after it
    survey.write_text(
        "Respondent,Submitted,Score,Why\nNorthwind Outfitters,2026-09-20,3,Meh\n"
        "Northwind Outfitters,2026-09-20,3,Meh\n",
        encoding="utf-8",
    )
    both = import_path(small, survey, mapping=mapping)
    assert both.rows == 2
    assert any(w.startswith("2 rows look like entries you logged") for w in both.warnings)
    # a folder that lists other clients leaves the rows an earlier folder brought for Northwind,
    # though the owner has since logged one of them again
    client_id, at, channel, kind, tone, note = small.con.execute(
        'SELECT client_id, "at", channel, kind, CAST(2 * sentiment AS INT), note '
        "FROM interactions WHERE source = 'folder' AND 2 * sentiment = round(2 * sentiment) "
        "ORDER BY ALL LIMIT 1"
    ).fetchone()
    log_entry(small, InteractionEntry(client_id=client_id, happened_at=at, channel=channel,
                                      kind=kind, tone=tone, note=note))  # fmt: skip
    rows = small.con.execute("SELECT count(*) FROM interactions WHERE source = 'folder'").fetchone()
    other = tmp_path / "other"
    other.mkdir()
    (other / "clients.csv").write_text(
        "client_id,name,started_on\nnewco,New Co,2026-01-05\n", encoding="utf-8"
    )
    import_path(small, other)
    assert (
        small.con.execute("SELECT count(*) FROM interactions WHERE source = 'folder'").fetchone()
        == rows
    )


def test_a_merge_takes_the_journal_along_and_a_backup_restores_it(
    small: Store, tmp_path: Path
) -> None:
    log_entry(small, NoteEntry(client_id="harbor", noted_at=AT, text="Bakery owner retiring"))
    log_entry(small, complaint(client_id="harbor"))
    merge_clients(small, "meridian", "harbor", at=NOW)
    assert {r[1] for r in app_rows(small)} == {"meridian"}
    counts = backup_folder(small, tmp_path / "backup", "csv", at=NOW)
    assert counts["client_notes"] == 1
    restored = open_store(empty_copy(tmp_path / "restored.duckdb"))
    try:
        restore_folder(restored, tmp_path / "backup")
        assert app_rows(restored) == app_rows(small)
    finally:
        restored.close()


def test_a_killed_process_loses_no_entry_it_reported_saved(db_path: Path) -> None:
    small_copy(db_path)  # fixtures/small, imported
    script = textwrap.dedent(f"""
        import itertools
        from datetime import datetime
        from health_tui.record import InteractionEntry, log_entry
        from health_tui.store import open_store
        store = open_store({str(db_path)!r})
        for i in itertools.count():
            entry = InteractionEntry(client_id="northwind", happened_at=datetime(2026, 9, 1, 9),
                                     kind="complaint", channel="email", note="n" * 200)
            print(log_entry(store, entry).key, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=str(ROOT))  # fmt: skip
    reported: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        reported.append(line.strip())
        if len(reported) == 120:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    store = open_store(db_path)
    keys = {k for (k,) in store.con.execute(
        "SELECT source_key FROM interactions WHERE source = 'app'").fetchall()}  # fmt: skip
    store.close()
    assert set(reported) <= keys and len(reported) == 120


# -- corrections ----------------------------------------------------------------------------------


def test_corrections_win_over_imports_and_typing_the_import_back_hands_it_back(
    small: Store,
) -> None:
    profile = client_profile(small, "meridian")
    assert profile.imported == {"notice_days": "60", "started_on": "2025-08-01", "ended_on": None,
                                "referred_by": "harbor",
                                "industry": "healthcare", "domain": None}  # fmt: skip
    typed = {"notice_days": "90", "referred_by": "Northwind Outfitters", "industry": "health",
             "domain": "https://www.Meridian-Health.example/about"}  # fmt: skip
    plan = plan_corrections(profile, typed, ignored=False)
    profile = correct_client(small, "meridian", plan, at=NOW)
    assert profile.owner == {"notice_days": "90", "referred_by": "northwind",
                             "industry": "health", "domain": "meridian-health.example"}  # fmt: skip
    assert profile.referrer_name == "Northwind Outfitters"
    import_path(small, SMALL)  # the folder says 60 and harbor again: the owner's values stay
    row = small.con.execute(
        "SELECT notice_days, referred_by, industry FROM clients WHERE client_id = 'meridian'"
    ).fetchone()
    assert row == (90, "northwind", "health")
    typed = {
        "notice_days": "",
        "referred_by": "harbor",
        "industry": "",
        "domain": "meridian-health.example",
    }
    profile = correct_client(small, "meridian", plan_corrections(profile, typed, False), at=NOW)
    assert profile.owner == {"industry": None, "domain": "meridian-health.example"}
    assert profile.value("notice_days") == "60" and profile.value("referred_by") == "harbor"


def test_not_a_client_and_bad_corrections(small: Store) -> None:
    profile = client_profile(small, "castell")
    correct_client(small, "castell", plan_corrections(profile, {}, ignored=True), at=NOW)
    assert health(small, "castell") is None  # kept, never scored
    profile = client_profile(small, "castell")
    assert profile.ignored
    correct_client(small, "castell", plan_corrections(profile, {}, ignored=False), at=NOW)
    assert health(small, "castell") is not None
    for typed, message in (
        ({"notice_days": "ninety"}, "whole number of days"),
        ({"referred_by": "castell"}, "cannot have referred themselves"),
        ({"domain": "not a domain"}, "a web domain"),
    ):
        with pytest.raises(FactRefused, match=message):
            plan = plan_corrections(profile, typed | {"industry": "legal"}, ignored=False)
            correct_client(small, "castell", plan, at=NOW)
    assert client_profile(small, "castell").owner == {}  # a refused plan changes nothing


def test_a_client_who_left_is_given_its_end_date_and_can_be_given_it_back(small: Store) -> None:
    """No way but an exit's checklist ended a client: one who left of their own accord stayed in
    the count and in the median rate that sets every target (a design agency's hunt)."""
    profile = client_profile(small, "castell")
    assert profile.value("ended_on") is None
    for typed, message in (
        ("30/06/2026", "a date like 2026-06-30"),
        ("2001-01-01", "before the client began"),
    ):
        with pytest.raises(FactRefused, match=message):
            correct_client(small, "castell", plan_corrections(profile, {"ended_on": typed}, False),
                           at=NOW)  # fmt: skip
    plan = plan_corrections(profile, {"ended_on": " 2026-06-30 "}, ignored=False)
    profile = correct_client(small, "castell", plan, at=NOW)
    assert profile.owner == {"ended_on": "2026-06-30"}
    castell = score_portfolio(small, date(2026, 9, 30)).by_id("castell")
    assert castell is not None and not castell.active and castell.ended_on == date(2026, 6, 30)
    import_path(small, SMALL)  # the folder says nothing of an end: the owner's date stays
    assert client_profile(small, "castell").value("ended_on") == "2026-06-30"
    back = plan_corrections(profile, {"ended_on": ""}, ignored=False)  # the import's: none
    profile = correct_client(small, "castell", back, at=NOW)
    assert profile.owner == {} and score_portfolio(small, date(2026, 9, 30)).by_id("castell").active


def test_closing_the_record_keeps_an_end_date_the_owner_gave(small: Store) -> None:
    """The owner gave the day a client left (30 June); ticking the checklist's "close the record"
    in October overwrote it, and un-ticking it erased it (a second reading)."""
    from health_tui.review.checklist import set_step

    profile = client_profile(small, "castell")
    correct_client(small, "castell", plan_corrections(profile, {"ended_on": "2026-06-30"}, False),
                   at=NOW)  # fmt: skip
    set_step(small, client_id="castell", step="close", status="done", note=None,
             on=date(2026, 10, 1), at=NOW)  # fmt: skip
    assert client_profile(small, "castell").value("ended_on") == "2026-06-30"
    set_step(small, client_id="castell", step="close", status="todo", note=None,
             on=date(2026, 10, 2), at=NOW)  # fmt: skip
    assert client_profile(small, "castell").value("ended_on") == "2026-06-30"
    # without a date of the owner's, closing sets the day it is done, and un-ticking takes it back
    set_step(small, client_id="brightline", step="close", status="done", note=None,
             on=date(2026, 10, 1), at=NOW)  # fmt: skip
    assert client_profile(small, "brightline").value("ended_on") == "2026-10-01"
    set_step(small, client_id="brightline", step="close", status="todo", note=None,
             on=date(2026, 10, 2), at=NOW)  # fmt: skip
    assert client_profile(small, "brightline").value("ended_on") is None


# -- the command line -----------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def db(small: Store, db_path: Path) -> str:
    small.close()
    return str(db_path)


def test_clients_end_gives_a_client_the_day_it_left_and_takes_it_back(db: str) -> None:
    out = run("clients", "end", "Castell & Rowe Solicitors", "2026-06-30", "--db", db)
    assert out.exit_code == 0, out.output
    assert out.output.startswith(
        "Castell & Rowe Solicitors (castell) ended on 2026-06-30: a former"
    )
    store = open_store(Path(db))
    assert not score_portfolio(store, date(2026, 9, 30)).by_id("castell").active
    store.close()
    early = run("clients", "end", "castell", "2001-01-01", "--db", db)
    assert early.exit_code == 2 and "before the client began" in early.output
    back = run("clients", "end", "castell", "--clear", "--db", db)
    assert (
        back.output == "Castell & Rowe Solicitors (castell) has no end date of yours: a client.\n"
    )
    assert run("clients", "end", "castell", "--db", db).exit_code == 2  # a date, or --clear


def test_the_commands_find_a_client_by_id_or_name(db: str) -> None:
    out = run("log", "northwind", "--kind", "complaint", "--channel", "phone", "--tone", "-2",
              "--at", "2026-09-20 10:00", "--note", "Late again", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    assert (
        "Saved: complaint (phone, very negative) with Northwind Outfitters (northwind)"
        in out.output
    )
    out = run("log", "  NORTHWIND  outfitters ", "--kind", "Urgent request", "--channel", "email",
              "--at", "2026-09-21", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "at 2026-09-21 12:00" in out.output  # a date alone is noon
    assert run("feedback", "Northwind Outfitters", "4", "--date", "2026-09-22", "--comment",
               "Slow", "--db", db).exit_code == 0  # fmt: skip
    assert run("note", "northwind", "Asked for a call with the MD", "--db", db).exit_code == 0
    store = open_store(db)
    try:
        assert [r[:3] for r in app_rows(store)] == [
            ("f", "northwind", "4"),
            ("i", "northwind", "complaint"),
            ("i", "northwind", "urgent_request"),
            ("n", "northwind", "Asked for a call with the MD"),
        ]
        at = store.con.execute(
            "SELECT max(\"at\") FROM interactions WHERE source = 'app'"
        ).fetchone()
        assert at == (datetime(2026, 9, 21, 12, 0),)
    finally:
        store.close()


def test_an_entry_older_than_every_quarter_scored_says_so(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`log --at 1900-01-01` said "It counts in the next score": no score as of today reads it."""
    monkeypatch.setattr("health_tui.cli._now", lambda: datetime(2026, 10, 2, 9, 0))
    out = run("log", "northwind", "--kind", "complaint", "--channel", "email", "--at",
              "1900-01-01", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output  # kept: the owner may mean it
    assert "It counts" not in out.output
    assert "It is dated before 2024-10-01, older than every quarter a score as of today" in (
        out.output
    )
    out = run("feedback", "northwind", "7", "--date", "2024-10-01", "--db", db)
    assert out.output.rstrip().endswith("It counts in the next score.")  # the oldest day read
    # a settings file that does not read fails no entry after it is saved (score says why)
    bad = Path(db).with_name("config.toml")
    bad.write_text("[window]\nquarter_weights = 'heavy'\n")
    monkeypatch.setenv("HEALTH_TUI_CONFIG", str(bad))
    out = run("feedback", "northwind", "6", "--date", "2026-09-30", "--db", db)
    assert out.exit_code == 0 and out.output.startswith("Saved: feedback 6/10"), out.output


def test_a_log_without_a_time_is_not_dated_the_minute_it_was_typed(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An urgent request logged at 21:40 without --at was dated 21:40 and counted as an
    after-hours demand: the owner logging the day's calls in the evening made every client late."""
    monkeypatch.setattr("health_tui.cli._now", lambda: datetime(2026, 9, 29, 21, 40))
    out = run("log", "northwind", "--kind", "urgent_request", "--channel", "phone", "--db", db)
    assert out.exit_code == 0 and "at 2026-09-29 12:00" in out.output, out.output
    from health_tui.scoring.facts import load_facts

    store = open_store(db, read_only=True)
    try:
        facts = {f.client_id: f for f in load_facts(store, date(2026, 9, 30), Settings())}
    finally:
        store.close()
    assert facts["northwind"].urgent_q0 >= 1 and facts["northwind"].after_hours_q0 == 0


def test_the_same_call_logged_twice_is_saved_and_said(db: str) -> None:
    """The same `log` run twice was accepted without a word: two complaints, where there was one."""
    args = ("log", "northwind", "--kind", "complaint", "--channel", "phone", "--at",
            "2026-09-20 10:00", "--db", db)  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0 and "on record" not in first.output
    again = run(*args)
    assert again.exit_code == 0
    assert again.output.splitlines()[-1] == (
        "Another complaint of this client on 2026-09-20 is on record (1 you logged): both count; "
        "if they are the same, delete one in the client's timeline."
    )
    out = run("feedback", "northwind", "7", "--date", "2026-09-20", "--db", db)
    assert "on record" not in out.output  # no other 7/10 that day


def test_an_ambiguous_name_is_refused_listing_the_clients(db: str) -> None:
    store = open_store(db)
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) VALUES "
        "('a1', 'Acme', DATE '2025-01-01', 'folder'), ('a2', 'ACME ', DATE '2025-01-01', 'folder')"
    )
    store.close()
    out = run("note", "acme", "hello", "--db", db)
    assert out.exit_code == 2
    assert "'acme' matches 2 clients: Acme (a1); ACME  (a2)" in out.output
    out = run("feedback", "northwnd", "5", "--db", db)
    assert out.exit_code == 2 and "Did you mean 'Northwind Outfitters' (northwind)?" in out.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "northwind", "--kind", "rant", "--channel", "phone"],
         "unknown kind 'rant': one of request, urgent_request, revision_request, scope_change, "
         "complaint, escalation, praise, other."),
        (["log", "northwind", "--kind", "praise", "--channel", "fax"],
         "unknown channel 'fax': one of email, phone, meeting, chat, letter, sms, social."),
        (["log", "northwind", "--kind", "praise", "--channel", "email", "--tone", "3"],
         "tone '3': one of -2 very negative, -1 negative, 0 neutral, 1 positive, 2 very positive"),
        (["log", "northwind", "--kind", "praise", "--channel", "email", "--at", "yesterday"],
         "'yesterday' is not a date and time"),
        (["log", "northwind", "--kind", "praise", "--channel", "email", "--at", "2999-01-01"],
         "is in the future"),
        (["feedback", "northwind", "11"], "score '11': a whole number from 0 to 10."),
        (["feedback", "northwind", "7.5"], "score '7.5': a whole number from 0 to 10."),
        (["feedback", "northwind", "-1"], "score '-1': a whole number from 0 to 10."),
        (["feedback", "northwind", "7", "--date", "03/04/2026"],
         "'03/04/2026' could be 3 April or 4 March: write it as 2026-04-03 or 2026-03-04."),
        (["feedback", "northwind", "7", "--date", "31/02/2026"], "is not a date"),
        (["note", "northwind", "  "], "text: string should have at least 1 character."),
    ],
)  # fmt: skip
def test_bad_values_are_refused_with_what_is_allowed(
    db: str, args: list[str], message: str
) -> None:
    out = run(*args, "--db", db)
    assert out.exit_code == 2, out.output
    assert message in out.output
    store = open_store(db)
    try:
        assert app_rows(store) == []
    finally:
        store.close()


def test_a_date_written_day_or_month_first_is_read_where_only_one_reading_is_a_date(
    db: str,
) -> None:
    """An owner in Paris types 28/09/2026, one in New York 09/28/2026: both are 28 September; the
    form and the command line took only 2026-09-28."""
    out = run("feedback", "northwind", "7", "--date", "28/09/2026", "--db", db)
    assert out.exit_code == 0, out.output
    out = run("log", "northwind", "--kind", "complaint", "--channel", "phone",
              "--at", "09/28/2026 17:45", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    out = run("log", "northwind", "--kind", "praise", "--channel", "email",
              "--at", "28.09.2026", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    store = open_store(db)
    try:
        said = store.con.execute(
            "SELECT CAST(date AS VARCHAR) FROM feedback WHERE source = 'app' UNION ALL "
            "SELECT CAST(\"at\" AS VARCHAR) FROM interactions WHERE source = 'app' ORDER BY 1"
        ).fetchall()
    finally:
        store.close()
    # a day alone is noon (never an after-hours demand)
    assert said == [("2026-09-28",), ("2026-09-28 12:00:00",), ("2026-09-28 17:45:00",)]


def test_a_twelve_hour_time_is_read_as_imports_read_it(db: str) -> None:
    """A Chicago agency's hunt: `--at "2026-09-26 10:30 PM"` was refused, though its imports read
    12-hour times; 10:30 PM is an after-hours escalation, 12 AM midnight, 13 PM no time at all."""
    out = run("log", "northwind", "--kind", "escalation", "--channel", "phone",
              "--at", "2026-09-26 10:30 PM", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    out = run("log", "northwind", "--kind", "complaint", "--channel", "email",
              "--at", "09/27/2026 12:05 a.m.", "--db", db)  # fmt: skip
    assert out.exit_code == 0, out.output
    out = run("log", "northwind", "--kind", "complaint", "--channel", "email",
              "--at", "2026-09-26 13:30 PM", "--db", db)  # fmt: skip
    assert out.exit_code != 0
    assert "a 12-hour time runs from 1 to 12 (or write 14:30)" in out.output
    store = open_store(db)
    try:
        said = store.con.execute(
            "SELECT CAST(\"at\" AS VARCHAR) FROM interactions WHERE source = 'app' ORDER BY 1"
        ).fetchall()
    finally:
        store.close()
    assert said == [("2026-09-26 22:30:00",), ("2026-09-27 00:05:00",)]


def test_a_database_the_app_holds_is_named_as_such(db: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb,time; c=duckdb.connect({db!r}); print('ok', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        out = run("note", "northwind", "hello", "--db", db)
    finally:
        holder.kill()
        holder.wait()
    assert out.exit_code == 1
    assert "in use by another program (probably another health-tui)" in out.output
    assert "log it there: i, f or n on the client's screen" in out.output


def test_merging_a_client_and_its_referrer_leaves_no_one_referring_themselves(small: Store) -> None:
    # The folder says harbor referred meridian; the owner records that lumen referred castell.
    # Keeping meridian and merging harbor into it, or keeping lumen and merging castell into it,
    # must not leave the kept client as its own referrer (its referral value would be its own).
    profile = client_profile(small, "castell")
    plan = plan_corrections(profile, {"referred_by": "lumen"}, False)
    correct_client(small, "castell", plan, at=NOW)
    merge_clients(small, "meridian", "harbor", at=NOW)
    merge_clients(small, "lumen", "castell", at=NOW)
    rows = small.con.execute(
        "SELECT client_id, referred_by FROM clients WHERE client_id IN ('meridian', 'lumen') "
        "ORDER BY 1"
    ).fetchall()
    assert rows == [("lumen", None), ("meridian", None)]


def test_a_time_later_today_is_the_future_and_a_date_alone_is_its_day() -> None:
    """`log --at "<today> 23:59"` typed at noon was saved (only the day was compared), and counted
    as an after-hours escalation that had not happened."""
    from health_tui.record import EntryRefused, check_day_not_future, when_of

    now = datetime(2026, 12, 3, 12, 44)
    assert when_of("2026-12-03 12:44", now) == now
    assert when_of("2026-12-03 12:44:55", now) == datetime(
        2026, 12, 3, 12, 44, 55
    )  # `date '+%F %T'`
    with pytest.raises(
        EntryRefused, match=r"^2026-12-03 23:59 is in the future \(now is 2026-12-03 12:44\)"
    ):
        when_of("2026-12-03T23:59", now)
    assert when_of("2026-12-03", datetime(2026, 12, 3, 9, 0)) == datetime(2026, 12, 3, 12, 0)
    with pytest.raises(EntryRefused, match=r"^2026-12-04 is in the future"):
        when_of("2026-12-04", now)
    with pytest.raises(EntryRefused, match=r"^2026-12-04 is in the future \(today is 2026-12-03\)"):
        check_day_not_future(date(2026, 12, 4), now)
    check_day_not_future(date(2026, 12, 3), now)


def test_a_compact_date_alone_is_noon_like_any_date() -> None:
    """`--at 20261203` was read as midnight: an after-hours contact nobody made."""
    from health_tui.record import when_of

    now = datetime(2026, 12, 3, 12, 44)
    assert when_of("20261203", now) == datetime(2026, 12, 3, 12, 0)
    assert when_of(" 20261201 ", now) == when_of("2026-12-01", now)


def test_what_a_log_moved_says_a_component_that_gained_its_data() -> None:
    """A first message of the window gives friction its data: its part of the change is the
    weight it took, and "friction −5" alone read as a fall of friction (a review of stop 43)."""
    from health_tui.scoring.models import ClientScore, Component

    def scored(health: float, **scores: float | None) -> ClientScore:
        parts = [Component.model_construct(name=k, score=v, weight=0.25) for k, v in scores.items()]
        return ClientScore.model_construct(client_id="c", health=health, components=parts)

    change = score_change(
        scored(90.0, satisfaction=90.0, friction=None, payment=90.0),
        scored(85.0, satisfaction=90.0, friction=75.0, payment=90.0),
    )
    assert change.sentence() == "health 90 → 85: friction −5 (no data before)"


def test_what_moved_where_a_health_does_not_stand_is_said_in_component_scores() -> None:
    """'health not enough data → 86: trend +15, satisfaction +11, …' gave points adding up to 18
    of a health that was not there; where either side has none, each component says its score."""
    from health_tui.scoring.models import ClientScore, Component

    def scored(health: float | None, **scores: float | None) -> ClientScore:
        parts = [Component.model_construct(name=k, score=v, weight=0.2) for k, v in scores.items()]
        return ClientScore.model_construct(client_id="c", health=health, components=parts)

    change = score_change(
        scored(None, satisfaction=40.0, trend=None, payment=80.0),
        scored(86.0, satisfaction=72.0, trend=75.0, payment=80.2),
    )
    assert change.sentence() == (
        "health not enough data → 86; components: trend no data → 75, satisfaction 40 → 72"
    )


def test_a_start_only_on_record_is_said_so_until_the_owner_gives_it(
    store: Store, tmp_path: Path
) -> None:
    """A client an export made starts on its first row: a Bristol agency's four-year client read
    "client since 2025-07-01" and its letter "working
    with us since July 2025". Until the owner gives the day they began (the correct form's Started
    on), the screens, the reasons and the JSON say it is only the first day on record, and the
    letter says no "since"."""
    from health_tui.output import client_json
    from health_tui.review.letter import draft_letter

    sheet = tmp_path / "time.csv"
    sheet.write_text(
        "Date,Client,Hours\n2026-07-01,Bath Botanics,2\n2026-09-01,Bath Botanics,3\n",
        encoding="utf-8",
    )
    import_path(store, sheet)
    (bath,) = score_portfolio(store, date(2026, 9, 30), Settings()).clients
    assert not bath.start_known and bath.known_started_on is None
    assert bath.since_text == "on record since 2026-07-01"
    assert client_json(bath)["start_known"] is False
    assert "trend: time: its records begin on 2026-07-01" in " ".join(bath.reasons)
    letter = draft_letter(client_name=bath.name, started_on=bath.known_started_on,
                          end_date=date(2027, 1, 4), notice_days=30, unpaid=[])  # fmt: skip
    assert "since" not in letter.split("\n\n", 2)[1]

    profile = client_profile(store, bath.client_id)
    assert profile.imported["started_on"] == "2026-07-01" and not profile.start_known
    # a start and an end typed together are checked against each other
    typed = {"started_on": "2021-03-01", "ended_on": "2020-12-31"}
    with pytest.raises(
        FactRefused, match=r"ended on 2020-12-31: before the client began \(2021-03-01\)"
    ):
        correct_client(store, bath.client_id, plan_corrections(profile, typed, False), at=NOW)
    with pytest.raises(FactRefused, match="a date like 2022-03-01"):
        plan = plan_corrections(profile, {"started_on": "1 March 2021"}, False)
        correct_client(store, bath.client_id, plan, at=NOW)
    # a start after the end, or one still to come, is refused naming it
    typed = {"started_on": "2031-01-01"}
    with pytest.raises(FactRefused, match="started on 2031-01-01: a day still to come"):
        correct_client(store, bath.client_id, plan_corrections(profile, typed, False), at=NOW)
    # the first day on record confirmed as the start: recorded, and known from then on
    plan = plan_corrections(profile, {"started_on": "2026-07-01"}, False)
    correct_client(store, bath.client_id, plan, at=NOW)
    assert client_profile(store, bath.client_id).start_known
    plan = plan_corrections(profile, {"started_on": " 2021-03-01 "}, False)
    correct_client(store, bath.client_id, plan, at=NOW)
    import_path(store, sheet)  # an import after it does not move it
    (bath,) = score_portfolio(store, date(2026, 9, 30), Settings()).clients
    assert bath.start_known and bath.since_text == "client since 2021-03-01"
    assert "start_known" not in client_json(bath)
    letter = draft_letter(client_name=bath.name, started_on=bath.known_started_on,
                          end_date=date(2027, 1, 4), notice_days=30, unpaid=[])  # fmt: skip
    assert "since March 2021" in letter
    # an empty start hands it back to the import: on record since its first row again
    profile = client_profile(store, bath.client_id)
    correct_client(
        store, bath.client_id, plan_corrections(profile, {"started_on": ""}, False), at=NOW
    )
    (bath,) = score_portfolio(store, date(2026, 9, 30), Settings()).clients
    assert bath.since_text == "on record since 2026-07-01"


def test_a_folder_start_is_known_unless_an_export_shows_work_before_it(
    small: Store, tmp_path: Path
) -> None:
    """A clients file gives each start: it is the client's. An export showing their work before
    it moves the start to that work, which is then only the first day on record."""
    scores = score_portfolio(small, date(2026, 9, 30), Settings())
    assert all(c.start_known for c in scores.clients)
    meridian = scores.by_id("meridian")
    sheet = tmp_path / "time.csv"
    sheet.write_text(f"Date,Client,Hours\n2025-05-02,{meridian.name},2\n", encoding="utf-8")
    import_path(small, sheet)
    meridian = score_portfolio(small, date(2026, 9, 30), Settings()).by_id("meridian")
    assert not meridian.start_known and meridian.since_text == "on record since 2025-05-02"


def test_a_channel_is_taken_as_people_say_it() -> None:
    """`health-tui log --channel call` was refused (exit 2) while a mapped sheet's "call" was read
    as phone (the Amsterdam hunt)."""
    from health_tui.record import EntryRefused, parse_channel

    said = ["call", "Phone call", "e-mail", "Video call", "WhatsApp", "email", "Meeting"]
    assert [parse_channel(w).value for w in said] == [
        "phone", "phone", "email", "meeting", "chat", "email", "meeting"
    ]  # fmt: skip
    with pytest.raises(EntryRefused, match="unknown channel 'pigeon'"):
        parse_channel("pigeon")
