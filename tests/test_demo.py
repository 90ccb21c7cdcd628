"""The demo portfolio: deterministic, the planted situations show their signals, real data is never eaten.

Quarters here are the 91-day blocks counted back from AS_OF (quarter 0 = the review quarter), as the
generator plants them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from health_tui.demo import _WORDS, PLANTED, TABLES, DemoSummary, generate_demo
from health_tui.errors import HealthTuiError
from health_tui.ingest.export import export_import_format
from health_tui.ingest.native import import_folder
from health_tui.store import Store, open_store

AS_OF = date(2026, 9, 30)
REVIEW_FROM = AS_OF - timedelta(days=90)  # the review quarter: the last 91 days
STAFF_COMPLAINT = re.compile(
    r"\b(your|the|that|this)\s+(designer|developer|account manager|project manager)\b", re.I
)


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[Store, DemoSummary]]:
    store = open_store(None)
    summary = generate_demo(store, clients=60, seed=7, as_of=AS_OF)
    yield store, summary
    store.close()


def _one(store: Store, sql: str, params: list | None = None):
    return store.con.execute(sql, params or []).fetchone()


def _all(store: Store, sql: str, params: list | None = None) -> list[tuple]:
    return store.con.execute(sql, params or []).fetchall()


def _tables(store: Store) -> dict[str, tuple]:
    """Each table's row count and a checksum of every row with its rowid (the physical order the
    demo wrote): equal results mean equal contents and the same file layout. Summed in DuckDB, as
    reading 300,000 rows into Python cost more than writing them."""
    tables = ("client_rows", *TABLES[1:])
    return {
        t: _one(store, f"SELECT count(*), sum(hash(rowid, t)::HUGEINT) FROM {t} t") for t in tables
    }


def _per_quarter(store: Store, client: str, where: str, quarters: int) -> list[int]:
    """Interactions matching `where` in each of the last `quarters` 91-day quarters, newest first."""
    rows = dict(
        _all(
            store,
            f"""SELECT (CAST(? AS DATE) - "at"::DATE) // 91 AS q, count(*) FROM interactions
                WHERE client_id = ? AND ({where}) GROUP BY q""",
            [AS_OF, client],
        )
    )
    return [rows.get(q, 0) for q in range(quarters)]


def _full_quarters(store: Store, client: str) -> int:
    """How many 91-day quarters back from AS_OF the client was active for the whole of."""
    (started,) = _one(store, "SELECT started_on FROM clients WHERE client_id = ?", [client])
    return ((AS_OF - started).days + 1) // 91


def _effective_rates(store: Store) -> dict[str, float]:
    """Invoiced euros per hour spent (billable or not), per client."""
    return dict(
        _all(
            store,
            """SELECT t.client_id, coalesce(i.invoiced, 0) / t.hours FROM
                 (SELECT client_id, sum(hours) AS hours FROM time_entries GROUP BY ALL) t
               LEFT JOIN (SELECT client_id, sum(amount)::DOUBLE AS invoiced FROM invoices GROUP BY ALL) i
               USING (client_id)""",
        )
    )


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# --- determinism, volume, dates ------------------------------------------------------------------


def test_same_inputs_same_rows_and_another_seed_differs(tmp_path: Path) -> None:
    contents = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        store = open_store(tmp_path / f"{name}.duckdb")
        generate_demo(store, clients=300, seed=seed, as_of=AS_OF)  # enough rows for parallel scans
        contents.append(_tables(store))
        store.close()
    assert contents[0] == contents[1]
    for table in contents[0]:
        assert contents[0][table] != contents[2][table], table


def test_volume_is_about_a_thousand_rows_per_client(demo) -> None:
    store, summary = demo
    assert summary.clients == 60
    assert 45_000 <= summary.rows <= 80_000
    assert summary.counts == {t: _one(store, f"SELECT count(*) FROM {t}")[0] for t in TABLES}
    assert summary.counts["invoices"] / 60 <= 37
    assert summary.counts["feedback"] / 60 <= 13


def test_nothing_dated_after_as_of_or_before_the_history(demo) -> None:
    store, _ = demo
    start = AS_OF.replace(year=AS_OF.year - 3)
    for table, column in (
        ("time_entries", "date"),
        ("feedback", "date"),
        ("invoices", "issued_on"),
        ("invoices", "paid_on"),
        ("interactions", '"at"::DATE'),
        ("clients", "started_on"),
        ("clients", "ended_on"),
    ):
        low, high = _one(store, f"SELECT min({column}), max({column}) FROM {table}")
        assert start <= low and high <= AS_OF, (table, column, low, high)


def test_vocabulary_amounts_and_terms(demo) -> None:
    store, _ = demo
    activities = {r[0] for r in _all(store, "SELECT DISTINCT activity FROM time_entries")}
    assert activities == {"delivery", "revision", "meeting", "support", "admin"}
    assert {r[0] for r in _all(store, "SELECT DISTINCT kind FROM interactions")} >= {
        "request", "praise", "complaint", "escalation", "urgent_request", "scope_change",
        "revision_request",
    }  # fmt: skip
    assert _one(store, "SELECT count(*) FROM invoices WHERE currency <> 'EUR' OR amount <= 0") == (
        0,
    )
    assert _one(store, "SELECT count(*) FROM invoices WHERE due_on <> issued_on + 30") == (0,)
    assert {r[0] for r in _all(store, "SELECT DISTINCT notice_days FROM clients")} <= {
        14,
        30,
        60,
        90,
    }
    # Working hours on weekdays, except the after-hours urgent requests.
    assert _one(
        store,
        """SELECT count(*) FROM interactions WHERE kind <> 'urgent_request'
           AND (hour("at") < 9 OR hour("at") >= 18 OR isodow("at") > 5)""",
    ) == (0,)
    assert _one(store, "SELECT count(*) FROM time_entries WHERE isodow(date) > 5") == (0,)
    names = [r[0] for r in _all(store, "SELECT name FROM clients")]
    assert all(re.fullmatch(r"[A-Z][\w.&' ()-]+", n) for n in names), names


def test_every_client_has_a_name_of_its_own_at_any_size(tmp_path: Path) -> None:
    """Imports find clients by name: the demo (which passes its own import) never repeats one."""
    store = open_store(tmp_path / "big.duckdb")
    generate_demo(store, clients=600, seed=3, as_of=AS_OF)  # names drawn up to three times
    (repeated,) = _one(store, "SELECT count(*) - count(DISTINCT name_key(name)) FROM clients")
    assert repeated == 0
    assert _one(store, "SELECT count(*) FROM clients WHERE name LIKE '% (2)'")[0] > 0
    assert _one(store, "SELECT count(*) FROM clients WHERE name LIKE '% (3)'")[0] > 0
    store.close()


# --- the planted situations ----------------------------------------------------------------------


def test_every_planted_situation_is_present(demo) -> None:
    store, summary = demo
    ids = {r[0] for r in _all(store, "SELECT client_id FROM clients")}
    assert set(PLANTED.values()) <= ids
    assert summary.planted == {cid: s for s, cid in PLANTED.items()}


def test_planted_even_in_a_tiny_portfolio() -> None:
    store = open_store(None)
    summary = generate_demo(store, clients=3, seed=1, as_of=AS_OF)
    assert summary.clients == len(PLANTED)
    assert {r[0] for r in _all(store, "SELECT client_id FROM clients")} == set(PLANTED.values())
    store.close()


def test_champion(demo) -> None:
    store, _ = demo
    c = PLANTED["champion"]
    scores = [r[0] for r in _all(store, "SELECT score FROM feedback WHERE client_id = ?", [c])]
    assert len(scores) >= 11 and min(scores) >= 9
    praise = _per_quarter(store, c, "kind = 'praise'", _full_quarters(store, c))
    assert all(2 <= p <= 4 for p in praise)
    last_year = AS_OF - timedelta(days=364)
    assert (
        _one(
            store,
            "SELECT count(*) FROM interactions WHERE client_id = ? AND kind = 'complaint' AND \"at\" >= ?",
            [c, last_year],
        )[0]
        <= 1
    )
    (sentiment,) = _one(store, "SELECT avg(sentiment) FROM interactions WHERE client_id = ?", [c])
    assert 0.6 <= sentiment <= 0.9
    (late,) = _one(
        store,
        "SELECT avg(paid_on - due_on) FROM invoices WHERE client_id = ? AND paid_on IS NOT NULL",
        [c],
    )
    assert 0 <= late <= 3


def test_extreme_critic(demo) -> None:
    store, _ = demo
    c = PLANTED["extreme_critic"]
    complaints = _per_quarter(store, c, "kind = 'complaint'", _full_quarters(store, c))
    assert all(3 <= n <= 4 for n in complaints), complaints
    assert min(_per_quarter(store, c, "kind = 'praise'", _full_quarters(store, c))) >= 1
    (tone,) = _one(
        store,
        "SELECT avg(sentiment) FROM interactions WHERE client_id = ? AND kind = 'complaint'",
        [c],
    )
    assert -0.4 <= tone <= -0.2
    notes = {
        r[0]
        for r in _all(
            store, "SELECT note FROM interactions WHERE client_id = ? AND kind = 'complaint'", [c]
        )
    }
    assert notes <= set(_WORDS["ia_nitpick"])


def test_loyal_now_irritated(demo) -> None:
    store, _ = demo
    c = PLANTED["loyal_now_irritated"]
    letters = _all(
        store,
        """SELECT "at" FROM interactions WHERE client_id = ? AND kind = 'escalation'
           AND channel = 'letter'""",
        [c],
    )
    assert letters and all(r[0].date() >= REVIEW_FROM for r in letters)
    assert _per_quarter(store, c, "kind = 'complaint'", 1) == [2]
    before = [
        r[0]
        for r in _all(
            store, "SELECT score FROM feedback WHERE client_id = ? AND date < ?", [c, REVIEW_FROM]
        )
    ]
    now = [
        r[0]
        for r in _all(
            store, "SELECT score FROM feedback WHERE client_id = ? AND date >= ?", [c, REVIEW_FROM]
        )
    ]
    assert len(before) >= 10 and min(before) >= 9 and now == [4]
    (revision,) = _one(
        store,
        """SELECT sum(hours) FILTER (WHERE activity = 'revision') / sum(hours) FROM time_entries
           WHERE client_id = ? AND date >= ?""",
        [c, REVIEW_FROM],
    )
    assert 0.18 <= revision <= 0.32
    # High lifetime value: among the very top of the portfolio.
    values = [
        r[0]
        for r in _all(store, "SELECT sum(amount) FROM invoices GROUP BY client_id ORDER BY 1 DESC")
    ]
    (own,) = _one(store, "SELECT sum(amount) FROM invoices WHERE client_id = ?", [c])
    assert own >= values[len(values) // 10]


def test_active_hater(demo) -> None:
    store, _ = demo
    c = PLANTED["active_hater"]
    recent = AS_OF - timedelta(days=454)
    scores = [
        r[0]
        for r in _all(
            store, "SELECT score FROM feedback WHERE client_id = ? AND date >= ?", [c, recent]
        )
    ]
    assert len(scores) == 5 and max(scores) <= 3
    assert _per_quarter(store, c, "kind = 'complaint'", 5) == [3] * 5
    assert _per_quarter(store, c, "kind = 'complaint' AND channel = 'social'", 5) == [1] * 5
    assert _per_quarter(store, c, "kind = 'escalation'", 5) == [1] * 5
    staff = _all(
        store, "SELECT note FROM interactions WHERE client_id = ? AND kind = 'complaint'", [c]
    )
    assert sum(1 for (note,) in staff if STAFF_COMPLAINT.search(note)) >= 5
    (late,) = _one(
        store,
        "SELECT avg(paid_on - due_on) FROM invoices WHERE client_id = ? AND issued_on >= ? AND paid_on IS NOT NULL",
        [c, recent],
    )
    assert 20 <= late <= 40


def test_problem_client(demo) -> None:
    store, _ = demo
    c = PLANTED["problem_client"]
    full = _full_quarters(store, c)
    after_hours = 'kind = \'urgent_request\' AND (hour("at") >= 21 OR isodow("at") > 5)'
    assert min(_per_quarter(store, c, after_hours, full)) >= 6
    assert min(_per_quarter(store, c, "kind = 'scope_change'", full)) >= 3
    past_due = _all(
        store,
        "SELECT paid_on FROM invoices WHERE client_id = ? AND due_on < ? ORDER BY issued_on DESC",
        [c, AS_OF],
    )
    assert [p for (p,) in past_due[:3]] == [None, None, None]
    assert all(p is not None for (p,) in past_due[3:])
    (late,) = _one(
        store,
        "SELECT avg(paid_on - due_on) FROM invoices WHERE client_id = ? AND paid_on IS NOT NULL",
        [c],
    )
    assert 45 <= late <= 60
    (support_admin,) = _one(
        store,
        """SELECT sum(hours) FILTER (WHERE activity IN ('support', 'admin') AND NOT billable) / sum(hours)
           FROM time_entries WHERE client_id = ?""",
        [c],
    )
    assert 0.24 <= support_admin <= 0.36
    rates = _effective_rates(store)
    assert 0.45 <= rates[c] / _median(list(rates.values())) <= 0.6


def test_never_satisfied(demo) -> None:
    store, _ = demo
    c = PLANTED["never_satisfied"]
    (revision, unbilled) = _one(
        store,
        """SELECT sum(hours) FILTER (WHERE activity = 'revision') / sum(hours),
                  sum(hours) FILTER (WHERE activity = 'revision' AND NOT billable)
                  / sum(hours) FILTER (WHERE activity = 'revision')
           FROM time_entries WHERE client_id = ?""",
        [c],
    )
    assert revision >= 0.4 and 0.35 <= unbilled <= 0.65
    assert min(_per_quarter(store, c, "kind = 'revision_request'", _full_quarters(store, c))) >= 6
    notes = {
        r[0]
        for r in _all(
            store,
            "SELECT note FROM interactions WHERE client_id = ? AND kind = 'revision_request'",
            [c],
        )
    }
    assert notes <= set(_WORDS["ia_vague"])
    scores = {r[0] for r in _all(store, "SELECT score FROM feedback WHERE client_id = ?", [c])}
    assert scores <= {4, 5}


def test_underpriced(demo) -> None:
    store, _ = demo
    c = PLANTED["underpriced"]
    rates = _effective_rates(store)
    assert rates[c] / _median(list(rates.values())) <= 0.65
    assert {r[0] for r in _all(store, "SELECT score FROM feedback WHERE client_id = ?", [c])} == {9}


def test_small_referrer(demo) -> None:
    store, _ = demo
    c = PLANTED["small_referrer"]
    referred = [
        r[0] for r in _all(store, "SELECT client_id FROM clients WHERE referred_by = ?", [c])
    ]
    assert {PLANTED["champion"], PLANTED["loyal_now_irritated"]} <= set(referred)
    (value,) = _one(
        store,
        "SELECT sum(amount) FROM invoices WHERE client_id IN (SELECT client_id FROM clients WHERE referred_by = ?)",
        [c],
    )
    assert value >= 150_000
    (hours,) = _one(store, "SELECT sum(hours) / 36 FROM time_entries WHERE client_id = ?", [c])
    assert 5 <= hours <= 10


def test_struggling(demo) -> None:
    store, _ = demo
    c = PLANTED["struggling"]
    hard = AS_OF - timedelta(days=151)
    (before, after) = _one(
        store,
        """SELECT sum(hours) FILTER (WHERE date < ?) / (? - min(date)),
                  sum(hours) FILTER (WHERE date >= ?) / 152
           FROM time_entries WHERE client_id = ?""",
        [hard, hard, hard, c],
    )
    assert 0.35 <= after / before <= 0.65
    late = _all(
        store,
        "SELECT paid_on - due_on FROM invoices WHERE client_id = ? AND issued_on >= ? AND paid_on IS NOT NULL",
        [c, hard],
    )
    assert late and all(30 <= d <= 50 for (d,) in late)
    assert _per_quarter(store, c, "kind = 'complaint'", 2) == [0, 0]
    assert 1 <= sum(_per_quarter(store, c, "kind = 'urgent_request'", 2)) <= 2
    assert {r[0] for r in _all(store, "SELECT score FROM feedback WHERE client_id = ?", [c])} <= {
        7,
        8,
    }


def test_dormant_client_has_nothing_for_two_quarters(demo) -> None:
    store, _ = demo
    c = PLANTED["dormant"]
    quiet_from = date(2026, 4, 1)  # the two full quarters before AS_OF
    for table, column in (
        ("time_entries", "date"),
        ("invoices", "issued_on"),
        ("interactions", '"at"::DATE'),
        ("feedback", "date"),
    ):
        n, last = _one(
            store, f"SELECT count(*), max({column}) FROM {table} WHERE client_id = ?", [c]
        )
        assert n > 3 and last < quiet_from, (table, last)  # a real history, then nothing
    assert _one(store, "SELECT ended_on FROM clients WHERE client_id = ?", [c]) == (None,)


def test_the_drifter_goes_quiet(demo) -> None:
    store, _ = demo
    c = PLANTED["drifting"]
    year_ago = AS_OF - timedelta(days=365)

    def hours(since: date, until: date) -> float:
        return _one(store, "SELECT coalesce(sum(hours), 0) FROM time_entries WHERE client_id = ? "
                    "AND date BETWEEN ? AND ?", [c, since, until])[0]  # fmt: skip

    assert hours(REVIEW_FROM, AS_OF) < 0.25 * hours(REVIEW_FROM - timedelta(days=365), year_ago)
    now, before = _per_quarter(store, c, "true", 6)[0:2], _per_quarter(store, c, "true", 6)[4:6]
    assert sum(now) * 3 < sum(before)  # the messages dry up too
    assert _per_quarter(store, c, "kind IN ('complaint', 'escalation')", 2) == [0, 0]
    (last,) = _one(store, "SELECT max(date) FROM feedback WHERE client_id = ?", [c])
    assert last < AS_OF - timedelta(days=200)  # no survey answered lately


def test_the_client_in_hard_times_says_so(demo) -> None:
    store, _ = demo
    c = PLANTED["hard_times"]
    notes = [r[0] for r in _all(store, "SELECT note FROM interactions WHERE client_id = ? "
                                "AND \"at\" >= ?", [c, REVIEW_FROM])]  # fmt: skip
    assert set(notes) & set(_WORDS["ia_hardship"])
    assert _one(store, "SELECT count(*) FROM invoices WHERE client_id = ? AND paid_on IS NULL "
                "AND due_on < ?", [c, AS_OF])[0] == 1  # fmt: skip
    assert _per_quarter(store, c, "kind IN ('complaint', 'escalation')", 2) == [0, 0]


def test_new_and_former(demo) -> None:
    store, _ = demo
    new = PLANTED["new"]
    (started,) = _one(store, "SELECT started_on FROM clients WHERE client_id = ?", [new])
    assert (AS_OF - started).days < 90
    assert _one(store, "SELECT count(*) FROM invoices WHERE client_id = ?", [new])[0] in (1, 2)
    assert _all(store, "SELECT score FROM feedback WHERE client_id = ?", [new]) == [(8,)]
    former = PLANTED["former"]
    (ended,) = _one(store, "SELECT ended_on FROM clients WHERE client_id = ?", [former])
    assert ended == AS_OF - timedelta(days=200)
    for table, column in (
        ("time_entries", "date"),
        ("feedback", "date"),
        ("invoices", "issued_on"),
        ("interactions", '"at"::DATE'),
    ):
        (later,) = _one(
            store,
            f"SELECT count(*) FROM {table} WHERE client_id = ? AND {column} > ?",
            [former, ended],
        )
        assert later == 0, table
    assert _one(store, "SELECT count(*) FROM time_entries WHERE client_id = ?", [former])[0] > 300


# --- refusing real data, settings, summary -------------------------------------------------------


def test_refuses_an_imported_portfolio_without_replace(store: Store) -> None:
    store.set_setting("portfolio_kind", "imported")
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) "
        "VALUES ('ACME', 'Acme', DATE '2025-01-01', 'folder')"
    )
    with pytest.raises(HealthTuiError, match=r"your own imported portfolio.*--db.*--replace"):
        generate_demo(store, clients=12, as_of=AS_OF)
    assert _all(store, "SELECT client_id FROM clients") == [("ACME",)]
    summary = generate_demo(store, clients=12, as_of=AS_OF, replace=True)
    assert summary.clients == len(PLANTED)
    assert store.setting("portfolio_kind") == "demo"


def test_refuses_clients_of_unknown_origin(store: Store) -> None:
    store.con.execute(
        "INSERT INTO client_rows (client_id, name, started_on, source) "
        "VALUES ('ACME', 'Acme', DATE '2025-01-01', 'folder')"
    )
    with pytest.raises(HealthTuiError, match="imported portfolio"):
        generate_demo(store, clients=12, as_of=AS_OF)


def test_a_demo_replaces_a_demo_and_records_its_settings(store: Store) -> None:
    messages: list[str] = []
    generate_demo(store, clients=20, seed=3, as_of=AS_OF)
    summary = generate_demo(
        store, clients=15, seed=4, as_of=date(2026, 11, 25), progress=messages.append
    )
    assert summary.counts["clients"] == 15
    assert _one(store, "SELECT max(date) FROM time_entries")[0] <= date(2026, 11, 25)
    assert store.setting("portfolio_kind") == "demo"
    assert store.setting("demo_seed") == "4"
    assert store.setting("demo_as_of") == "2026-11-25"
    assert messages and all(m.startswith("demo: ") for m in messages)
    assert re.fullmatch(
        r"Demo portfolio: 15 clients, [\d,]+ rows \(three years to 2026-11-25\) in .+portfolio\.duckdb — seed 4\.",
        summary.line(),
    )
    tables = {r[0] for r in _all(store, "SELECT table_name FROM duckdb_tables()")}
    assert not {"demo_profile", "demo_phase"} & tables  # the scaffolding is gone


def test_entries_the_owner_recorded_on_the_demo_are_not_replaced_unasked(
    store: Store, tmp_path: Path
) -> None:
    """A new demo, or a restore, over a demo the owner had logged on replaced their entries without
    a word. Its own decisions (the past reviews it plants) are not the owner's."""
    from datetime import datetime

    from health_tui.ingest.backup import backup_folder, restore_folder
    from health_tui.record import NoteEntry, log_entry
    from health_tui.review.decisions import record_decision

    generate_demo(store, clients=15, as_of=AS_OF, past_reviews=1)
    backup_folder(store, tmp_path / "backup", "csv", at=datetime(2026, 10, 1))
    generate_demo(store, clients=15, as_of=AS_OF, past_reviews=1)  # nothing recorded: fine
    log_entry(store, NoteEntry(client_id="CL-0001", noted_at=datetime(2026, 9, 1), text="Priya"))
    record_decision(store, quarter="2026Q3", client_id="CL-0002", decision="keep", note=None,
                    at=datetime(2026, 9, 30))  # fmt: skip
    with pytest.raises(
        HealthTuiError, match=r"the demo with 2 entries you recorded on it.*--replace"
    ):
        generate_demo(store, clients=15, as_of=AS_OF)
    with pytest.raises(
        HealthTuiError, match=r"the demo with 2 entries you recorded on it; restore"
    ):
        restore_folder(store, tmp_path / "backup")
    assert _one(store, "SELECT count(*) FROM client_notes") == (1,)
    generate_demo(store, clients=15, as_of=AS_OF, replace=True)
    assert _one(store, "SELECT count(*) FROM client_notes") == (0,)


def test_leap_day_as_of(store: Store) -> None:
    summary = generate_demo(store, clients=12, as_of=date(2028, 2, 29))
    assert summary.clients == len(PLANTED)
    (first, last) = _one(store, "SELECT min(date), max(date) FROM time_entries")
    assert date(2025, 2, 28) <= first and last <= date(2028, 2, 29)


def test_the_demo_portfolio_passes_its_own_import_validation(tmp_path) -> None:
    """Exported and re-imported, the demo is valid input: it keeps to the public import format."""
    src = open_store(tmp_path / "demo.duckdb")
    generate_demo(src, clients=30, seed=11, as_of=date(2026, 9, 30))
    export_import_format(src, tmp_path / "csv")
    src.close()
    dst = open_store(tmp_path / "again.duckdb")
    summary = import_folder(dst, tmp_path / "csv")
    dst.close()
    assert summary.counts["clients"] >= 30
