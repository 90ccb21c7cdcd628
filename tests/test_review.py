"""Decisions, the exit checklist and the letter: saved at once, kept across restarts, calm in tone."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from health_tui.ingest.native import import_folder
from health_tui.review.checklist import (
    STEP_KEYS,
    ExitCase,
    StepStatus,
    _checklist,
    exit_progress,
    load_checklist,
    set_step,
)
from health_tui.review.decisions import (
    Decision,
    DecisionRecord,
    current_decisions,
    decision_history,
    record_decision,
    resume_at,
    review_queue,
)
from health_tui.review.letter import draft_letter, export_letter, load_letter, save_letter
from health_tui.scoring.engine import score_portfolio
from health_tui.settings import Agency
from health_tui.store import open_store
from health_tui.store.migrations import CURRENT_VERSION
from health_tui.store.queries import load_query
from tests.conftest import (
    FIXTURES,
    acme_folder,
    empty_copy,
    html_text,
    render_commonmark,
    small_copy,
)

AS_OF = date(2026, 9, 30)
NOON = datetime(2026, 10, 2, 12, 0)


def test_decisions_keep_their_history_and_the_latest_is_in_force(small) -> None:
    p = score_portfolio(small, AS_OF)
    castell = p.by_id("castell")
    record_decision(small, quarter="2026Q3", client_id="castell", decision="recover",
                    note="One more try", at=NOON, score=castell)  # fmt: skip
    record_decision(small, quarter="2026Q3", client_id="castell", decision=Decision.exit,
                    note="Third round of vague changes", at=NOON + timedelta(hours=1), score=castell)  # fmt: skip
    now = current_decisions(small, "2026Q3")
    assert now["castell"].decision is Decision.exit
    assert now["castell"].note == "Third round of vague changes"
    assert "Exit candidate" in (now["castell"].evidence or "")
    assert [d.decision for d in decision_history(small, "castell")] == [
        Decision.exit,
        Decision.recover,
    ]
    assert current_decisions(small, "2026Q2") == {}


def test_review_walks_candidates_first_and_resumes_at_the_first_undecided(small) -> None:
    p = score_portfolio(small, AS_OF)
    queue = review_queue(p)
    assert queue and queue[0].fire_candidate
    assert all(c.active for c in queue)
    everyone = review_queue(p, include_rest=True)
    assert len(everyone) == len(p.active) and everyone[: len(queue)] == queue
    record_decision(
        small,
        quarter=p.quarter,
        client_id=everyone[0].client_id,
        decision="exit",
        note=None,
        at=NOON,
    )
    decided = current_decisions(small, p.quarter)
    assert resume_at(everyone, decided) == 1


def test_checklist_persists_across_restart_and_closing_sets_the_end_date(small_db: Path) -> None:
    store = open_store(small_db)
    record_decision(
        store, quarter="2026Q3", client_id="brightline", decision="exit", note=None, at=NOON
    )
    # a note pasted with a terminal's escape sequence and a line break is kept inert, on one line
    set_step(store, client_id="brightline", step="contract", status="done",
             note="Clause 9:\x1b[31m 30\ndays\x07", on=date(2026, 10, 2), at=NOON)  # fmt: skip
    set_step(store, client_id="brightline", step="referrals", status=StepStatus.na, note=None,
             on=date(2026, 10, 2), at=NOON)  # fmt: skip
    set_step(store, client_id="brightline", step="close", status="done", note=None,
             on=date(2026, 11, 1), at=NOON)  # fmt: skip
    store.close()

    store = open_store(small_db)
    cl = load_checklist(
        store,
        client_id="brightline",
        notice_days=30,
        decided_on=NOON.date(),
        as_of=AS_OF,
        today=NOON.date(),
    )
    status = {s.spec.key: s.status for s in cl.steps}
    assert status["record"] is StepStatus.done  # recorded with the exit decision
    assert status["contract"] is StepStatus.done and status["referrals"] is StepStatus.na
    assert cl.progress == "exit 4/10" and exit_progress(store) == {"brightline": 4}
    assert cl.steps[1].note == "Clause 9: 30 days"  # as every export and screen shows it
    assert cl.earliest_end == date(2026, 11, 2)  # 30 days end on Sunday 1 November: Monday
    assert cl.unpaid and any("overdue" in line for line in cl.steps[3].detail)
    assert cl.face_to_face  # Brightline's MD escalated by letter
    ended = store.con.execute(
        "SELECT ended_on FROM clients WHERE client_id = 'brightline'"
    ).fetchone()
    assert ended == (date(2026, 11, 1),)
    store.close()


def test_unknown_step_is_refused(small) -> None:
    with pytest.raises(ValueError, match="unknown exit step"):
        set_step(
            small,
            client_id="castell",
            step="burn_bridges",
            status="done",
            note=None,
            on=AS_OF,
            at=NOON,
        )


def test_the_letter_ends_on_a_working_day_and_is_signed_from_the_settings() -> None:
    agency = Agency(name="Studio Nord", signer="Camille Roux", country="FR")
    # decided 2 December 2026 with 30 days' notice: 1 January 2027 is a holiday, then Saturday 2,
    # Sunday 3: the first working day is Monday 4 January
    cl = _checklist(
        ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 12, 2)),
        {},
        [],
        (0, 0),
        "EUR",
        agency,
        date(2026, 12, 2),
        date(2026, 12, 2),
    )
    assert cl.earliest_end == date(2027, 1, 4)
    assert "the first working day from 2027-01-01" in cl.steps[1].detail[0]
    body = draft_letter(client_name="Acme", started_on=date(2025, 1, 1), end_date=cl.earliest_end,
                        notice_days=30, unpaid=[], signature=agency.signature())  # fmt: skip
    assert "will be 4 January 2027." in body  # not "04 January 2027"
    assert body.endswith("Kind regards,\nCamille Roux\nStudio Nord\n")
    # without a country, 1 January and weekends still move
    plain = _checklist(
        ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 12, 2)),
        {},
        [],
        (0, 0),
        "EUR",
        Agency(),
        date(2026, 12, 2),
        date(2026, 12, 2),
    )
    assert plain.earliest_end == date(2027, 1, 4)


def test_the_letter_is_drafted_in_french_when_the_agency_writes_french() -> None:
    """A Lyon agency rewrote every English draft ("Dear Groupe Lumière team", "04 January 2027",
    "€1,800.00"). With [agency] language = "fr" the draft is French, its dates and amounts as French
    writes them, and a correction of the notice is still caught in it."""
    from health_tui.review.checklist import UnpaidInvoice
    from health_tui.review.letter import out_of_date

    agency = Agency(name="Atelier Nord", signer="Camille Martin", country="FR", language="fr")
    case = ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 12, 2))
    owed = [UnpaidInvoice(invoice_id="F-2026-0173", issued_on=date(2026, 9, 30), amount=1800.0,
                          currency=None, due_on=date(2026, 10, 30), converted=1800.0,
                          days_overdue=33)]  # fmt: skip
    cl = _checklist(case, {}, owed, (0, 0), "EUR", agency, date(2026, 12, 2), date(2026, 12, 2))
    body = draft_letter(client_name="Groupe Lumière", started_on=date(2025, 4, 1),
                        end_date=cl.earliest_end, notice_days=30, unpaid=owed,
                        signature=agency.signature(), language="fr")  # fmt: skip
    assert body.startswith("Madame, Monsieur,\n\nNous vous remercions pour la confiance que vous "
                           "nous accordez depuis avril 2025.")  # fmt: skip
    assert "préavis de 30 jours" in body and "sera le 4 janvier 2027." in body
    assert "F-2026-0173 (1\u202f800,00\xa0€, échéance le 30/10/2026)" in body
    assert body.endswith("salutations distinguées.\n\nCamille Martin\nAtelier Nord\n")
    assert out_of_date(body, cl) == []
    longer = _checklist(case.model_copy(update={"notice_days": 60}), {}, owed, (0, 0), "EUR", agency,
                        date(2026, 12, 2), date(2026, 12, 2))  # fmt: skip
    assert out_of_date(body, longer) == ["a notice of 30 days", "an end on 4 janvier 2027"]
    assert Agency(language="fr").signature() == "[Votre nom]\n[Votre agence]"


def test_the_letter_is_drafted_in_german_when_the_agency_writes_german() -> None:
    """A Berlin studio could not draft its letter in German (`language` took en or fr)."""
    from health_tui.review.checklist import UnpaidInvoice
    from health_tui.review.letter import out_of_date

    agency = Agency(name="Studio Weber", signer="Jonas Weber", country="DE", language="de")
    case = ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 12, 2))
    owed = [UnpaidInvoice(invoice_id="RE-2026-158-unpaid", issued_on=date(2026, 7, 17),
                          amount=1570.8, currency=None, due_on=date(2026, 8, 16), converted=1570.8,
                          days_overdue=108, with_tax=True)]  # fmt: skip
    cl = _checklist(case, {}, owed, (0, 0), "EUR", agency, date(2026, 12, 2), date(2026, 12, 2))
    body = draft_letter(client_name="Stadtwerke Grünau GmbH", started_on=date(2025, 4, 1),
                        end_date=cl.earliest_end, notice_days=30, unpaid=owed,
                        signature=agency.signature(), language="de")  # fmt: skip
    assert body.startswith("Sehr geehrte Damen und Herren,\n\nvielen Dank für die "
                           "Zusammenarbeit seit April 2025.")  # fmt: skip
    assert (
        "Kündigungsfrist von 30 Tagen" in body and f"der {cl.earliest_end.day}. Januar 2027" in body
    )
    assert "RE-2026-158 (1.570,80\xa0€, fällig am 16.08.2026)" in body
    assert body.endswith("Mit freundlichen Grüßen\n\nJonas Weber\nStudio Weber\n")
    assert out_of_date(body, cl) == []
    longer = _checklist(case.model_copy(update={"notice_days": 60}), {}, owed, (0, 0), "EUR",
                        agency, date(2026, 12, 2), date(2026, 12, 2))  # fmt: skip
    assert out_of_date(body, longer)[0] == "a notice of 30 days"
    assert Agency(language="de").signature() == "[Ihr Name]\n[Ihre Agentur]"


def test_a_saved_letter_listing_invoices_paid_since_or_not_those_owed_now_says_so() -> None:
    """A Berlin studio saved its letter, then imported the next export: an invoice it lists was
    paid since and a new one was owed, and the letter's status said only "saved"."""
    from health_tui.review.checklist import UnpaidInvoice
    from health_tui.review.letter import out_of_date

    def owed(*numbers: str) -> list[UnpaidInvoice]:
        return [UnpaidInvoice(invoice_id=n, issued_on=date(2026, 9, 1), due_on=date(2026, 10, 1),
                              amount=100.0, currency=None, converted=100.0, days_overdue=5)
                for n in numbers]  # fmt: skip

    case = ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 12, 2))
    day = date(2026, 12, 2)
    then = _checklist(case, {}, owed("RE-158", "RE-169-unpaid"), (0, 0), "EUR", Agency(), day, day)
    body = draft_letter(client_name="Stadtwerke", started_on=date(2025, 4, 1),
                        end_date=then.earliest_end, notice_days=30, unpaid=then.unpaid)  # fmt: skip
    assert "RE-158 (€100.00, due 1 October 2026); RE-169 (€100.00" in body
    assert out_of_date(body, then) == []
    now = _checklist(case, {}, owed("RE-169-unpaid", "RE-205"), (0, 0), "EUR", Agency(), day, day)
    assert out_of_date(body, now) == ["as open RE-158, paid since", "not RE-205, owed now"]


def test_the_notice_runs_from_the_day_the_client_is_told() -> None:
    """An exit decided in April and not yet told does not end in July: the notice starts today at the
    earliest; once the "tell" step is done, it runs from that day."""
    case = ExitCase(client_id="x", notice_days=30, decided_on=date(2026, 4, 3))
    untold = _checklist(case, {}, [], (0, 0), "EUR", Agency(), date(2026, 9, 30), date(2026, 9, 30))
    assert untold.earliest_end == date(2026, 10, 30)
    assert (
        "from the day they are told (not told yet): if told on 2026-09-30"
        in untold.steps[1].detail[0]
    )
    told = {"tell": {"status": "done", "done_on": date(2026, 9, 1), "note": None}}
    done = _checklist(case, told, [], (0, 0), "EUR", Agency(), date(2026, 9, 30), date(2026, 9, 30))
    assert done.earliest_end == date(2026, 10, 1)
    assert "from 2026-09-01, when they were told" in done.steps[1].detail[0]


def test_letter_has_the_end_date_and_none_of_the_complaints(small, tmp_path: Path) -> None:
    cl = load_checklist(
        small,
        client_id="brightline",
        notice_days=30,
        decided_on=NOON.date(),
        as_of=AS_OF,
        today=NOON.date(),
    )
    body = draft_letter(client_name="Brightline Logistics", started_on=date(2025, 7, 1),
                        end_date=cl.earliest_end, notice_days=30, unpaid=cl.unpaid)  # fmt: skip
    assert "2 November 2026" in body and "30 days" in body  # 1 November 2026 is a Sunday
    assert cl.unpaid[0].invoice_id in body
    notes = [r[0] for r in small.con.execute(
        "SELECT note FROM interactions WHERE client_id = 'brightline' AND note IS NOT NULL").fetchall()]  # fmt: skip
    assert notes
    assert not any(note in body for note in notes)
    for word in ("fault", "blame", "difficult", "unreasonable", "complain"):
        assert word not in body.lower()

    assert body.endswith("Kind regards,\n[Your name]\n[Your agency]\n")  # nothing set: to fill in

    save_letter(small, "brightline", body + "\nP.S. Edited.", at=NOON)
    assert load_letter(small, "brightline").endswith("P.S. Edited.")
    out = export_letter(
        load_letter(small, "brightline"), "Brightline Logistics", tmp_path / "letter.md"
    )
    assert out.read_text().startswith("# Letter to Brightline Logistics")
    with pytest.raises(FileExistsError):
        export_letter(body, "Brightline Logistics", out)
    # plain text, for an email: as typed ("\\[Your name\\]" in Markdown), terminal codes gone
    txt = export_letter(body + "\x1b[31mP.S.\x07", "Brightline Logistics", tmp_path / "l.txt")
    assert txt.read_text().startswith("Dear Brightline Logistics team,")
    assert "Kind regards,\n[Your name]\n[Your agency]\n" in txt.read_text()
    assert txt.read_text().endswith("\nP.S.\n")


def test_what_is_owed_is_read_on_the_day_the_letter_is_written(tmp_path: Path) -> None:
    """A review as of 30 November, its letter written on 5 December: the letter told the client an
    invoice paid on 2 December was "still open" (an owner's hunt), and left out one issued on 1
    December. A checklist is what the owner does now: its money is read today."""
    invoices = (
        "invoice_id,client_id,issued_on,due_on,paid_on,amount,currency\n"
        "INV-1,acme,2026-10-01,2026-10-31,2026-10-30,900.00,EUR\n"
        "INV-2,acme,2026-11-01,2026-12-01,2026-12-02,1312.50,EUR\n"  # paid after the as-of date
        "INV-3,acme,2026-12-01,2026-12-31,,700.00,EUR\n"  # issued after it, still open
    )
    store = open_store(empty_copy(tmp_path / "db.duckdb"))
    try:
        import_folder(store, acme_folder(tmp_path, invoices=invoices))
        cl = load_checklist(store, client_id="acme", notice_days=30, decided_on=date(2026, 12, 5),
                            as_of=date(2026, 11, 30), today=date(2026, 12, 5))  # fmt: skip
        # a later as-of date (a quarter still under way) reads what falls due by then
        ahead = load_checklist(store, client_id="acme", notice_days=30, decided_on=date(2026, 12, 5),
                               as_of=date(2026, 12, 31), today=date(2026, 12, 5))  # fmt: skip
    finally:
        store.close()
    assert [u.invoice_id for u in cl.unpaid] == ["INV-3"] and cl.owed_on == date(2026, 12, 5)
    assert cl.steps[3].detail == ["INV-3: €700.00, due 2026-12-31, not yet due"]
    body = draft_letter(client_name="Acme Ltd", started_on=date(2026, 1, 1),
                        end_date=cl.earliest_end, notice_days=30, unpaid=cl.unpaid)  # fmt: skip
    assert "these invoices are still open: INV-3 (€700.00, due 31 December 2026)." in body
    assert "INV-2" not in body
    assert ahead.owed_on == date(2026, 12, 31) and ahead.unpaid[0].days_overdue == 0


def test_the_exported_letter_shows_the_clients_name_as_written(tmp_path: Path) -> None:
    """A name that is Markdown or HTML stays text in whatever renders the exported letter."""
    name = "<script>alert(1)</script> [x](javascript:alert(1)) `tick` *b* _i_ ~~s~~"
    folder = tmp_path / "nasty"
    shutil.copytree(FIXTURES / "small", folder)
    clients = folder / "clients.csv"
    clients.write_text(clients.read_text().replace("Castell & Rowe Solicitors", name))
    store = open_store(tmp_path / "nasty.duckdb")
    import_folder(store, folder)
    client = score_portfolio(store, AS_OF).by_id("castell")
    cl = load_checklist(store, client_id="castell", notice_days=30, decided_on=NOON.date(), as_of=AS_OF, today=NOON.date())  # fmt: skip
    store.close()
    assert client.name == name
    body = draft_letter(client_name=client.name, started_on=client.started_on,
                        end_date=cl.earliest_end, notice_days=30, unpaid=cl.unpaid)  # fmt: skip
    body += "\n# P.S.\n| not | a table |\n1. not a list\n> not a quote\n"
    page = render_commonmark(export_letter(body, client.name, tmp_path / "letter.md").read_text())
    assert page.startswith(f"<h1>Letter to {html_text(name)}</h1>\n")
    assert f"<p>Dear {html_text(name)} team,</p>" in page
    assert "# P.S.\n| not | a table |\n1. not a list\n&gt; not a quote</p>" in page
    for markup in ("<script", "<a ", "<em>", "<strong>", "<code>", "<s>", "<del>", "<table",
                   "<ol", "<ul", "<blockquote", "<h2"):  # fmt: skip
        assert markup not in page, markup
    assert page.count("<h1>") == 1


def test_a_killed_process_loses_no_step_it_reported_saved(db_path: Path) -> None:
    small_copy(db_path)  # fixtures/small, as imported
    script = textwrap.dedent(f"""
        import itertools
        from datetime import date, datetime
        from health_tui.review.checklist import STEP_KEYS, set_step
        from health_tui.store import open_store
        store = open_store({str(db_path)!r})
        for i in itertools.count():
            client = "client-" + str(i)
            for step in STEP_KEYS:
                set_step(store, client_id=client, step=step, status="done", note="n" * 200,
                         on=date(2026, 10, 2), at=datetime(2026, 10, 2, 12))
                print(client, step, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=str(FIXTURES.parent))  # fmt: skip
    reported: list[tuple[str, str]] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        reported.append(tuple(line.split()))
        if len(reported) == 157:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    store = open_store(db_path)  # the database opens after the crash
    saved = set(store.con.execute("SELECT client_id, step FROM exit_steps").fetchall())
    store.close()
    assert set(reported) <= saved
    assert len(reported) == 157 and len(STEP_KEYS) == 10


def test_a_version_1_database_is_migrated_and_keeps_its_data(db_path: Path) -> None:
    con = duckdb.connect(str(db_path))
    con.execute(load_query("migrate_001"))
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.execute(
        "INSERT INTO clients (client_id, name, started_on) VALUES ('c1', 'Old Client', DATE '2024-01-01')"
    )
    con.close()
    store = open_store(db_path)
    assert store.rows("schema_version_get") == [(CURRENT_VERSION,)]
    assert store.con.execute("SELECT name FROM clients").fetchall() == [("Old Client",)]
    record_decision(store, quarter="2026Q3", client_id="c1", decision="keep", note=None, at=NOON)
    store.close()


def test_unticking_close_the_record_reopens_the_client(small) -> None:
    set_step(
        small,
        client_id="castell",
        step="close",
        status="done",
        note=None,
        on=date(2026, 11, 1),
        at=NOON,
    )
    ended = "SELECT ended_on FROM clients WHERE client_id = ?"
    assert small.con.execute(ended, ["castell"]).fetchone() == (date(2026, 11, 1),)
    set_step(
        small,
        client_id="castell",
        step="close",
        status="todo",
        note=None,
        on=date(2026, 11, 2),
        at=NOON,
    )
    assert small.con.execute(ended, ["castell"]).fetchone() == (None,)
    # a client who had already ended before the checklist keeps their own end date
    set_step(
        small,
        client_id="quarry",
        step="close",
        status="na",
        note=None,
        on=date(2026, 11, 2),
        at=NOON,
    )
    assert small.con.execute(ended, ["quarry"]).fetchone() == (date(2026, 1, 31),)


def test_an_exit_decided_for_a_later_quarter_does_not_show_in_an_earlier_one(small) -> None:
    from health_tui.app.review_state import load_review_state

    record_decision(
        small, quarter="2026Q4", client_id="castell", decision="exit", note=None, at=NOON
    )
    assert "castell" not in load_review_state(small, "2026Q3").labels()
    assert load_review_state(small, "2026Q4").labels()["castell"] == "exit 1/10"
    # an exit decided earlier is still under way in the quarters after
    record_decision(
        small, quarter="2026Q2", client_id="harbor", decision="exit", note=None, at=NOON
    )
    assert load_review_state(small, "2026Q3").labels() == {"harbor": "exit 1/10"}


def test_an_exit_decided_again_after_a_change_of_mind_starts_a_fresh_checklist(small) -> None:
    """Exit, then keep, then exit: the contract is read and the client told again, so the steps
    go back to do, what was done the first time kept in their notes; "decided 2026-12-05" stood
    beside "done 2026-10-03" and the notice ran from a telling the client had been taken back.
    Confirming an exit in force keeps every step."""

    def steps() -> dict[str, tuple]:
        cl = load_checklist(small, client_id="castell", notice_days=30,
                            decided_on=NOON.date(), as_of=AS_OF, today=NOON.date())  # fmt: skip
        return {s.spec.key: (s.status, s.done_on, s.note) for s in cl.steps}

    def decide(quarter: str, decision: str, at: datetime) -> None:
        record_decision(small, quarter=quarter, client_id="castell", decision=decision,
                        note=None, at=at)  # fmt: skip

    first, later = datetime(2026, 7, 1, 9), datetime(2026, 9, 1, 9)
    decide("2026Q3", "exit", first)
    set_step(small, client_id="castell", step="tell", status="done", note="Told Ana.",
             on=date(2026, 7, 3), at=first)  # fmt: skip
    set_step(small, client_id="castell", step="referrals", status=StepStatus.na, note=None,
             on=date(2026, 7, 3), at=first)  # fmt: skip
    decide("2026Q3", "exit", first + timedelta(days=1))  # confirmed: nothing moves
    assert steps()["tell"] == (StepStatus.done, date(2026, 7, 3), "Told Ana.")
    assert exit_progress(small) == {"castell": 3}

    decide("2026Q3", "keep", first + timedelta(days=20))
    decide("2026Q4", "exit", later)
    now = steps()
    assert now["record"][:2] == (StepStatus.done, later.date())
    assert now["record"][2].startswith("For the earlier exit: done 2026-07-01.")
    assert now["tell"] == (
        StepStatus.todo,
        None,
        "For the earlier exit: done 2026-07-03. Told Ana.",
    )
    assert now["referrals"] == (StepStatus.todo, None, "For the earlier exit: not applicable.")
    assert exit_progress(small) == {"castell": 1}
    # catching up on an earlier quarter leaves the later exit in force as it stands (reviewer)
    set_step(small, client_id="castell", step="tell", status="done", note="Told again?",
             on=date(2026, 9, 2), at=later)  # fmt: skip
    decide("2026Q2", "keep", later + timedelta(hours=1))
    decide("2026Q2", "exit", later + timedelta(hours=2))
    assert steps()["tell"] == (StepStatus.done, date(2026, 9, 2), "Told again?")


def test_the_draft_leaves_out_a_step_marked_not_applicable_and_sees_old_facts(small) -> None:
    """The pointer to other providers is dropped when the owner marked that step not applicable
    (the draft offered it anyway); and a letter giving another end date or notice than the
    checklist's is out of date, whatever else was edited."""
    from health_tui.review.checklist import StepStatus
    from health_tui.review.letter import draft_for, out_of_date

    cl = load_checklist(
        small,
        client_id="brightline",
        notice_days=30,
        decided_on=NOON.date(),
        as_of=AS_OF,
        today=NOON.date(),
    )
    draft = draft_for(cl, client_name="Brightline", started_on=date(2025, 7, 1), currency="EUR",
                      signature="Ana")  # fmt: skip
    assert "other providers" in draft and out_of_date(draft, cl) == []
    assert out_of_date(draft.replace("Thank you", "Many thanks"), cl) == []  # edited, not stale
    steps = [s.model_copy(update={"status": StepStatus.na}) if s.spec.key == "referrals" else s
             for s in cl.steps]  # fmt: skip
    none = draft_for(cl.model_copy(update={"steps": steps}), client_name="Brightline",
                     started_on=date(2025, 7, 1), currency="EUR", signature="Ana")  # fmt: skip
    assert "other providers" not in none
    # every promise whose step is not applicable goes (the final invoice, after "no final
    # invoice: nothing since the last one", was still promised; the work in progress too)
    skip = {"obligations", "final_invoice", "handover"}
    steps = [s.model_copy(update={"status": StepStatus.na}) if s.spec.key in skip else s
             for s in cl.steps]  # fmt: skip
    bare = draft_for(cl.model_copy(update={"steps": steps}), client_name="Brightline",
                     started_on=date(2025, 7, 1), currency="EUR", signature="Ana")  # fmt: skip
    for promise in ("work in progress", "final invoice", "hand over", "still open"):
        assert promise in draft and promise not in bare, promise
    end = f"{cl.earliest_end.day} {cl.earliest_end:%B %Y}"
    assert f"By {end} we will remove our access to your systems." in bare
    assert "\n\n\n" not in bare and out_of_date(bare, cl) == []
    later = cl.model_copy(update={"notice_days": 60, "earliest_end": date(2026, 12, 1)})
    assert out_of_date(draft, later) == ["a notice of 30 days", f"an end on {end}"]
    # digits inside other numbers are not the notice or the day: 0 days is not found in 10 days
    ten = cl.model_copy(update={"notice_days": 10})
    assert out_of_date(draft_for(ten, client_name="B", started_on=date(2025, 7, 1),
                                 currency="EUR", signature="Ana"),
                       cl.model_copy(update={"notice_days": 0})) == ["a notice of 10 days"]  # fmt: skip
    # a letter rewritten in the owner's words (or language) is not second-guessed
    assert out_of_date("Sehr geehrte Damen und Herren, ... 30 Tage ...", later) == []


@pytest.mark.parametrize(
    ("recommendation", "decision", "overrode"),
    [("exit", "reprice", "exit"), ("exit", "exit", None), ("watch", "keep", None),
     ("watch", "defer", "watch"), (None, "keep", None)],
)  # fmt: skip
def test_a_decision_overrode_what_was_suggested_as_the_track_record_counts_it(
    recommendation: str | None, decision: str, overrode: str | None
) -> None:
    """Keeping follows a watch; a decision recorded before recommendations were kept overrode
    nothing known."""
    record = DecisionRecord(
        decision_id=1, quarter="2026Q2", client_id="c", decision=Decision(decision), note=None,
        decided_at=datetime(2026, 7, 3, 9, 0), recommendation=recommendation,
    )  # fmt: skip
    assert record.overrode == overrode


def test_every_language_a_letter_can_be_set_to_has_its_wording_and_signature() -> None:
    """`[agency] language` takes a language the letter has sentences and placeholders for."""
    from typing import get_args

    from health_tui.review.letter import WORDING
    from health_tui.settings import UNSIGNED

    languages = set(get_args(Agency.model_fields["language"].annotation))
    assert languages == set(WORDING) - {"en-US"} == set(UNSIGNED)


def test_an_american_agencys_letter_writes_its_days_the_american_way() -> None:
    """A Denver studio's letter read "04 January 2027" and its invoices due "2026-08-31"."""
    from health_tui.review.checklist import UnpaidInvoice
    from health_tui.review.letter import out_of_date, wording_for

    owed = UnpaidInvoice(invoice_id="1052", issued_on=date(2026, 8, 1), due_on=date(2026, 8, 31),
                         amount=4000.0, currency="USD", converted=4000.0, days_overdue=96)  # fmt: skip
    body = draft_letter(client_name="Mile High", started_on=date(2025, 1, 1),
                        end_date=date(2027, 1, 4), notice_days=30, unpaid=[owed],
                        currency="USD", language=wording_for("en", "US"))  # fmt: skip
    assert "our last working day for you will be January 4, 2027." in body
    assert "1052 ($4,000.00, due August 31, 2026)" in body
    assert wording_for("en", "GB") == "en" and wording_for("fr", "US") == "fr"
    # a saved American draft is read back by the check of a letter out of date
    checklist = type("C", (), {"earliest_end": date(2027, 1, 11), "notice_days": 30,
                               "unpaid": [owed]})()  # fmt: skip
    assert out_of_date(body, checklist) == ["an end on January 4, 2027"]  # type: ignore[arg-type]
