"""Silence is a signal (domain.md, "What the data cannot say"): the client who drifts away quietly,
the client in hard times, the formal letter. One story each, from literal data, through the real
import and scoring.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from health_tui.review.checklist import load_checklist
from health_tui.review.decisions import Decision, record_decision
from health_tui.scoring.models import Archetype, Recommendation
from health_tui.store import open_store
from tests.portfolio_builder import AS_OF, Book, client
from tests.test_scoring_rules import Q3, ago, book

A, R = Archetype, Recommendation


def say(b: Book, cid: str, day: date, kind: str, note: str, *, channel: str = "email",
        sentiment: float | None = 0.2) -> None:  # fmt: skip
    at = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
    b.rows["interactions"].append(
        [
            cid,
            at.strftime("%Y-%m-%d %H:%M"),
            channel,
            kind,
            "" if sentiment is None else sentiment,
            note,
        ]
    )


def drifter(b: Book, cid: str = "drift", *, quiet_last_year: bool = False) -> Book:
    """A happy client since 2024 (feedback 9) whose work slides in 2026 from ~30 h a month to ~4,
    no message since early May, no survey answered since December, invoices paid on time. With
    `quiet_last_year`, every spring and summer was that quiet: a season, not a drift."""
    start = date(2024, 1, 15)
    b.client(cid, "Harbourside Physiotherapy", start)
    busy, quiet = 1.4, 0.2
    if quiet_last_year:
        for year in (2024, 2025, 2026):
            b.work(cid, max(start, date(year, 1, 1)), date(year, 3, 31), hours_per_day=busy)
            b.work(cid, date(year, 4, 1), date(year, 9, 30), hours_per_day=quiet)
            b.work(cid, date(year, 10, 1), date(year, 12, 31), hours_per_day=busy)
            b.events(
                cid, "request", date(year, 4, 1), date(year, 5, 4), per_quarter=4, sentiment=0.3
            )
            for first, last in (
                (max(start, date(year, 1, 1)), date(year, 3, 31)),
                (date(year, 10, 1), date(year, 12, 31)),
            ):
                b.events(cid, "request", first, last, per_quarter=6, sentiment=0.3)
    else:
        b.work(cid, start, date(2025, 12, 31), hours_per_day=busy)
        b.work(cid, date(2026, 1, 1), date(2026, 3, 31), hours_per_day=0.6)
        b.work(cid, date(2026, 4, 1), AS_OF, hours_per_day=quiet)
        b.events(cid, "request", start, date(2026, 4, 30), per_quarter=6, sentiment=0.3)
        say(b, cid, date(2026, 5, 4), "request", "Can we pause the newsletter for now?")
    b.feedback(cid, start, date(2025, 9, 30), 9)
    b.rows["feedback"].append([cid, date(2025, 12, 10), 8, ""])
    return b


def test_the_quiet_drifter_is_reached_out_to(tmp_path: Path) -> None:
    c = client(drifter(book()).score(tmp_path), "drift")
    assert (c.archetype, c.recommendation, c.fire_candidate) == (A.drifting, R.recover, False)
    assert "Silence is not satisfaction: reach out" in c.reasons[0]
    drifting = next(r for r in c.reasons if r.startswith("Drifting: "))
    assert " h of work this quarter against " in drifting
    assert drifting.endswith("the last message on 2026-05-04.")
    feedback = next(r for r in c.reasons if r.startswith("Last feedback"))
    assert feedback.startswith("Last feedback 8/10 on 2025-12-10 (9 months ago")
    assert "from 1 score over the last four quarters" in feedback


def test_the_same_client_quiet_every_summer_is_kept(tmp_path: Path) -> None:
    c = client(drifter(book(), quiet_last_year=True).score(tmp_path), "drift")
    assert c.archetype not in (A.drifting, A.struggling)
    assert c.recommendation is R.keep, c.reasons


def test_no_contact_is_no_evidence_of_low_friction(tmp_path: Path) -> None:
    b = book()
    start = ago(700)
    b.client("mute", "Stonebridge Surveyors", start)
    b.work("mute", start, AS_OF, rate=100)
    b.feedback("mute", start, AS_OF, 8)
    c = client(b.score(tmp_path), "mute")
    friction = next(comp for comp in c.components if comp.name == "friction")
    assert friction.score is None and friction.effective_weight == 0
    assert c.coverage == 0.8
    assert any(
        r.startswith("No data for friction") and "log calls, e-mails and meetings" in r
        for r in c.reasons
    )


def test_an_old_feedback_score_weighs_less_and_says_its_date(tmp_path: Path) -> None:
    """Two clients alike but for when they last scored the work 10/10; their messages are cool."""
    b = book()
    start = ago(700)
    for cid, last in (("fresh", AS_OF - timedelta(days=10)), ("stale", date(2026, 4, 2))):
        b.client(cid, f"Oakridge {cid.title()}", start)
        b.work(cid, start, AS_OF, rate=100)
        b.events(cid, "request", start, AS_OF, per_quarter=6, sentiment=-0.2)
        b.rows["feedback"].append([cid, last, 10, ""])
    p = b.score(tmp_path)
    fresh, stale = client(p, "fresh"), client(p, "stale")

    def satisfaction(c) -> float:
        return next(comp.score for comp in c.components if comp.name == "satisfaction")

    assert satisfaction(stale) < satisfaction(fresh) - 5
    assert any(
        r.startswith("Last feedback 10/10 on 2026-04-02 (6 months ago") for r in stale.reasons
    )


def hard_times(b: Book, cid: str = "hard") -> Book:
    """A good client since 2024 loses its largest contract this quarter: a call note, a payment-plan
    request, urgent requests, feedback 9 then 7 ("you are not the problem") then 6, an invoice
    overdue."""
    start = date(2024, 3, 1)
    b.client(cid, "Willowbrook Wines", start)
    b.work(cid, start, Q3 - timedelta(days=1), rate=100)
    b.work(cid, Q3, AS_OF, rate=100, late_days=40, unpaid_last=1)
    b.feedback(cid, start, Q3 - timedelta(days=1), 9)
    b.rows["feedback"] += [
        [cid, date(2026, 7, 15), 7, "You are not the problem, it's our side"],
        [cid, date(2026, 9, 15), 6, ""],
    ]
    b.events(cid, "request", start, Q3 - timedelta(days=1), per_quarter=3, sentiment=0.5)
    b.events(cid, "praise", start, Q3 - timedelta(days=1), per_quarter=1, sentiment=0.8)
    say(b, cid, date(2026, 7, 20), "other", "Restructuring after losing their largest contract, "
        "asks for patience on payments", channel="phone", sentiment=0.1)  # fmt: skip
    say(
        b,
        cid,
        date(2026, 8, 12),
        "request",
        "Could we move to a payment plan for the next invoices?",
    )
    b.events(cid, "urgent_request", Q3, AS_OF, per_quarter=2, sentiment=0.0, note="Need it today")
    return b


def test_a_client_in_hard_times_is_supported_not_recovered(tmp_path: Path) -> None:
    c = client(hard_times(book()).score(tmp_path), "hard")
    assert (c.archetype, c.recommendation, c.fire_candidate) == (A.struggling, R.support, False)
    said = next(r for r in c.reasons if r.startswith("A hard time of their own"))
    assert '"Could we move to a payment plan for the next invoices?" (email, 2026-08-12)' in said


@pytest.mark.parametrize(
    ("words", "heard"),
    [
        (
            "Relance paiement : la compta traîne, difficultés de trésorerie",
            "difficultés de trésorerie",
        ),
        # a São Paulo agency's client: the words were English and French only
        ("Boleto atrasado, estamos com dificuldade de caixa este mês", "dificuldade de caixa"),
        ("Wir haben gerade Zahlungsschwierigkeiten, bitte um Geduld", "Zahlungsschwierigkeiten"),
    ],
)
def test_a_hard_time_said_in_french_or_portuguese_is_heard(
    tmp_path: Path, words: str, heard: str
) -> None:
    """A Lyon agency's client wrote of "difficultés de trésorerie": the built-in words were
    English, and the client stayed a champion to keep where "cash flow problems" read as a client
    in hard times to support."""
    b = hard_times(book())
    b.rows["interactions"] = [
        r
        for r in b.rows["interactions"]
        if "payment" not in str(r) and "Restructuring" not in str(r)
    ]
    b.rows["feedback"] = [r for r in b.rows["feedback"] if "problem" not in str(r)]
    say(b, "hard", date(2026, 8, 12), "request", words)
    c = client(b.score(tmp_path), "hard")
    assert (c.archetype, c.recommendation) == (A.struggling, R.support)
    said = next(r for r in c.reasons if r.startswith("A hard time of their own"))
    assert heard in said


def test_paying_in_instalments_as_brazil_buys_is_no_hard_time(tmp_path: Path) -> None:
    """ "Podemos fazer o parcelamento em 3x no boleto?" is how a Brazilian client renews: read as
    a hard time of their own, it turned a steady client into one to support (the reviewer's
    find)."""
    b = hard_times(book())
    b.rows["interactions"] = [
        r
        for r in b.rows["interactions"]
        if "payment" not in str(r) and "Restructuring" not in str(r)
    ]
    b.rows["feedback"] = [r for r in b.rows["feedback"] if "problem" not in str(r)]
    say(b, "hard", date(2026, 8, 12), "request",
        "Contrato renovado! Podemos fazer o parcelamento em 3x no boleto?")  # fmt: skip
    c = client(b.score(tmp_path), "hard")
    assert c.archetype is not A.struggling
    assert not any(r.startswith("A hard time of their own") for r in c.reasons)


def test_a_client_since_a_years_first_day_has_been_one_a_year(tmp_path: Path) -> None:
    """A Madrid studio's exports ran from 1 October 2025 to 30 September 2026: its client who wrote
    of "problemas de liquidez" read "a client of 364 days (a hard time is read after 365)", and
    no client whose first record was a year's exports could ever be read as struggling. A year
    counts its first day: 365."""
    start = date(2025, 10, 1)
    b = book()
    b.client("yr", "Cervecería del Puerto", start)
    b.work("yr", start, Q3 - timedelta(days=1), rate=100)
    b.work("yr", Q3, AS_OF, rate=100, late_days=40, unpaid_last=1)
    b.feedback("yr", start, Q3 - timedelta(days=1), 9)
    b.events("yr", "request", start, Q3 - timedelta(days=1), per_quarter=3, sentiment=0.5)
    b.events("yr", "praise", start, Q3 - timedelta(days=1), per_quarter=1, sentiment=0.8)
    say(b, "yr", date(2026, 8, 12), "request", "Tenemos problemas de liquidez este trimestre")
    c = client(b.score(tmp_path), "yr")
    assert c.tenure_days == 364  # as_of less the start, as the JSON has it
    assert (c.archetype, c.recommendation) == (A.struggling, R.support)


def test_words_said_twice_at_one_time_are_quoted_with_one_channel(tmp_path: Path) -> None:
    """A call and the email that sums it up, logged at the same minute with the same words: the
    quote named either channel, as the rows came (the latest words, then the channel, decide)."""
    b = hard_times(book())
    say(b, "hard", date(2026, 8, 12), "request",
        "Could we move to a payment plan for the next invoices?", channel="phone")  # fmt: skip
    said = next(r for r in client(b.score(tmp_path), "hard").reasons if "own words" in r)
    assert '"Could we move to a payment plan for the next invoices?" (phone, 2026-08-12)' in said


def test_a_truly_irritated_loyal_client_stays_recover(tmp_path: Path) -> None:
    """The same good years, the same late payments, but angry complaints and no hard times."""
    b = book()
    start = date(2024, 3, 1)
    b.client("angry", "Willowbrook Wines", start)
    b.work("angry", start, Q3 - timedelta(days=1), rate=100)
    b.work("angry", Q3, AS_OF, rate=100, late_days=40, unpaid_last=1)
    b.feedback("angry", start, Q3 - timedelta(days=1), 9)
    b.feedback("angry", Q3, AS_OF, 3)
    b.events("angry", "request", start, Q3 - timedelta(days=1), per_quarter=3, sentiment=0.5)
    b.events("angry", "praise", start, Q3 - timedelta(days=1), per_quarter=1, sentiment=0.8)
    b.events("angry", "complaint", Q3, AS_OF, per_quarter=3, sentiment=-0.7,
             note="Third missed deadline, this is unacceptable")  # fmt: skip
    c = client(b.score(tmp_path), "angry")
    assert (c.archetype, c.recommendation) == (A.loyal_now_irritated, R.recover)
    assert not any("hard time" in r for r in c.reasons)


def test_a_letter_weighs_more_than_the_same_complaint_by_email(tmp_path: Path) -> None:
    b = book()
    for cid, channel in (("letter", "letter"), ("mail", "email")):
        b.steady(cid, f"Brightwater {cid.title()}", rate=100)
        say(b, cid, date(2026, 8, 18), "complaint", "The invoice did not match the quote",
            channel=channel, sentiment=-0.4)  # fmt: skip
    path = tmp_path / "letters"
    p = b.score(path)
    letter, mail = client(p, "letter"), client(p, "mail")
    assert mail.recommendation is R.keep
    assert letter.recommendation is R.listen and not letter.fire_candidate
    assert "meet face to face" in letter.reasons[0]
    assert any("1 escalation this quarter, 1 by formal letter" in r for r in letter.reasons)

    def friction(c) -> float:
        return next(comp.score for comp in c.components if comp.name == "friction")

    assert friction(letter) < friction(mail)
    store = open_store(path / "book.duckdb")
    try:
        record_decision(store, quarter="2026Q3", client_id="letter", decision=Decision.exit,
                        note=None, at=datetime(2026, 10, 2, 9, 0))  # fmt: skip
        checklist = load_checklist(store, client_id="letter", notice_days=30,
                                   decided_on=date(2026, 10, 2), as_of=AS_OF, today=date(2026, 10, 2))  # fmt: skip
    finally:
        store.close()
    tell = next(s for s in checklist.steps if s.spec.key == "tell")
    assert checklist.face_to_face and tell.detail[0].startswith(
        "Meet face to face: 1 formal letter"
    )


def test_hard_times_words_match_like_the_activity_words() -> None:
    """At the start of a word, any case, no accents, a phrase across punctuation; the fast loose
    pattern finds everything the exact one does."""
    from health_tui.scoring.facts import words_pattern, words_prefilter

    words = ["café crisis", "lost our", "Redundanc"]
    texts = {
        "The Cafe-Crisis hit us": True,
        "CAFÉ   crisis again": True,
        "we almost our deadline": False,  # "lost" inside "almost"
        "They LOST OUR biggest client": True,
        "three redundancies": True,
        "cafécrisis": False,
        "«lost our» contract": True,  # French quotes and a no-break space are punctuation
        "ølost our way": False,  # a letter outside ASCII is a letter: not the start of a word
        "lost\u00a0our footing": True,
        "all is well": False,
    }
    store = open_store(None)
    try:
        for text, expected in texts.items():
            exact, loose = store.con.execute(
                # as facts_clients.sql reads them: the loose pattern on the text, the exact one on
                # its words form
                "SELECT regexp_matches(words_of($t), $e), "
                "regexp_matches(strip_accents(lower($t)), $l)",
                {"t": text, "e": words_pattern(words), "l": words_prefilter(words)},
            ).fetchone()
            assert exact is expected, text
            assert loose or not exact, text
        nothing = store.con.execute(
            "SELECT regexp_matches('anything at all', $e)", {"e": words_pattern([])}
        ).fetchone()
        assert nothing == (False,)
    finally:
        store.close()


def test_time_entries_weeks_old_make_no_client_struggle_or_drift(tmp_path: Path) -> None:
    """A dev shop opened the app on 5 December with a time export ending 30 September: six clients
    read "struggling → support", each reason stating "7.6 h of work a month over the last two
    quarters" as fact, where the hours since were only not on record (the header alone said the
    time entries end). Hours are not said to have fallen past the last day any time is on record."""
    scored = book().score(tmp_path, as_of=date(2026, 12, 5))
    assert scored.time_ends_on == date(2026, 9, 30)
    assert [(c.archetype, c.recommendation) for c in scored.clients] == [(A.steady, R.keep)] * 5
    assert not any("h of work" in r for c in scored.clients for r in c.reasons)
    # a fall that is on record still says so, over the days whose time is (a review: the drifting
    # client read "no pattern, keep" once the export was 14 days old)
    drift = drifter(book()).score(tmp_path / "d", as_of=date(2026, 12, 5))
    c = client(drift, "drift")
    assert (c.archetype, c.recommendation) == (A.drifting, R.recover)
    assert any(
        "4.4 h of work a month over the last two quarters (time on record to 2026-09-30) against "
        "31 h a month a year earlier" in r
        for r in c.reasons
    ), c.reasons


def test_one_survey_answer_is_too_little_to_call_a_client_not_unhappy(tmp_path: Path) -> None:
    """A Berlin studio's client read "struggling → support: a good client going through a hard
    time of their own, not unhappy with you … feedback fair (8/10)" beside "not enough data to
    score health … 1 feedback score": the one answer stood for how the client feels."""
    b = book()
    b.client("thin", "Verlag Sonnenblume", date(2024, 1, 15))
    b.work("thin", date(2024, 1, 15), date(2026, 3, 31), hours_per_day=1.4)
    b.work("thin", date(2026, 4, 1), date(2026, 9, 30), hours_per_day=0.2)
    b.rows["feedback"].append(["thin", date(2026, 8, 20), 8, ""])
    b.events("thin", "request", date(2025, 4, 1), date(2025, 9, 30), per_quarter=1)
    b.events("thin", "request", date(2026, 7, 1), date(2026, 7, 30), per_quarter=1)
    c = client(b.score(tmp_path), "thin")
    assert c.health is None
    assert c.archetype is not A.struggling and c.recommendation is not R.support
    assert not any("hard time" in r for r in c.reasons)


def test_their_own_words_of_a_hard_time_are_said_where_they_are_not_read_as_struggling(
    tmp_path: Path,
) -> None:
    """A Bristol agency's client asked for a payment plan ("Cash flow is tight") and said sorry
    for paying late: too new a client to be read as struggling, and nothing said it at all."""
    b = book()
    start = date(2026, 5, 4)
    b.client("new", "Wapping Wharf Eats", start)
    b.work("new", start, AS_OF, rate=100)
    b.feedback("new", start, AS_OF, 8)
    say(b, "new", date(2026, 8, 21), "request", "Cash flow is tight - can we agree a payment plan?")
    c = client(b.score(tmp_path), "new")
    assert c.archetype is not A.struggling
    assert (
        'In their own words, a hard time: "Cash flow is tight - can we agree a payment plan?" '
        "(email, 2026-08-21); not read as struggling: a client of 150 days (a hard time is read "
        "from 365, against how they were before)."
    ) in c.reasons


def test_late_now_with_nothing_before_to_compare_is_no_slip(tmp_path: Path) -> None:
    """A Sydney firm's client read "struggling → support: paying 46 days late over the last two
    quarters against none due before", with 13 invoices due before whose payment days its export
    did not give: how they paid before was not known, and a slip is against before. Invoiced only
    from this year, late from the first, is how the client pays, not a hard time."""
    b = book()
    start = date(2024, 3, 1)
    b.client("late", "Harbourside Legal", start)
    b.work("late", start, AS_OF, rate=100, late_days=46)
    b.feedback("late", start, AS_OF, 9)
    b.events("late", "request", start, AS_OF, per_quarter=3, sentiment=0.5)
    b.rows["invoices"] = [
        i for i in b.rows["invoices"] if i[1] != "late" or i[3] >= date(2026, 4, 1)
    ]
    c = client(b.score(tmp_path), "late")
    assert c.archetype is not A.struggling and c.recommendation is not R.support
    assert not any("days late over the last two quarters" in r for r in c.reasons), c.reasons
