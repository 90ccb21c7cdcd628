"""The app's plain-Python parts: table order and filters, map buckets and steps, formatting."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from health_tui.app import format as fmt
from health_tui.app.map_model import build_grid
from health_tui.app.table_model import (
    COLUMNS,
    ClientView,
    layout,
    name_cuts,
    table_width,
)
from health_tui.scoring.models import PortfolioScore
from tests.test_app_support import make_portfolio


@pytest.fixture(scope="module")
def big() -> PortfolioScore:
    """10,000 synthetic clients, built once by the worker that runs these tests (not at import,
    which every worker does)."""
    return make_portfolio(10_000)


def test_sort_is_stable_by_name_and_missing_values_go_last() -> None:
    view = ClientView(make_portfolio(200).clients)
    view.set_filters(show_former=True)
    view.sort_by("effective_rate")
    rates = [view.clients[i].effective_rate for i in view.order]
    present = [r for r in rates if r is not None]
    assert present == sorted(present) and rates[len(present) :] == [None] * (
        len(rates) - len(present)
    )
    view.reverse()
    rates = [view.clients[i].effective_rate for i in view.order]
    assert rates[0] == max(present) and rates[-1] is None


def test_typing_on_narrows_like_a_fresh_filter(big: PortfolioScore) -> None:
    view = ClientView(big.clients)
    for query in ("a", "ac", "acm", "acme", "acme 1", "acme 12", "acme 1", "ac", ""):
        view.set_filters(query=query)
        fresh = ClientView(big.clients)
        fresh.set_filters(query=query)
        assert view.order == fresh.order, query


def test_the_filter_finds_a_name_without_its_accents() -> None:
    """A Montréal shop's "/" with "cafe" showed "0 of 12 clients" where "Café" found it."""
    clients = make_portfolio(12).clients
    clients[2] = clients[2].model_copy(update={"name": "Café Olé", "active": True})
    clients[3] = clients[3].model_copy(update={"name": "Éditions Québec-Nord", "active": True})
    view = ClientView(clients)
    clients[4] = clients[4].model_copy(
        update={"name": "Que\u0301bec Nord", "active": True}
    )  # decomposed
    clients[5] = clients[5].model_copy(update={"name": "한국 디자인", "active": True})
    clients[6] = clients[6].model_copy(update={"name": "호텔 하나", "active": True})
    view = ClientView(clients)
    view.set_filters(query="quebec nord", show_former=True)
    assert sorted(view.clients[i].name for i in view.order) == [clients[4].name, clients[3].name]
    view.set_filters(
        query="한국", show_former=True
    )  # a Hangul syllable is itself, not its first jamo
    assert [view.clients[i].name for i in view.order] == [clients[5].name]
    for query, found in (("cafe ole", 2), ("CAFÉ", 2), ("quebec-nord", 3), ("éditions québec", 3)):
        view.set_filters(query=query, show_former=True)
        assert [view.clients[i].name for i in view.order] == [clients[found].name], query


def test_ten_thousand_rows_sort_and_filter(big: PortfolioScore) -> None:
    """Every sort puts the rows in the column's order (empty values last) and a query typed on
    keeps exactly the matching rows; how fast is bench/bench_app.py's to say, not a test's."""
    view = ClientView(big.clients)
    by_key = {c.key: c for c in COLUMNS}
    for key in ("name", "revenue_12m", "trend", "health"):
        view.sort_by(key)
        values = [by_key[key].sort(view.clients[i]) for i in view.order]
        present = [v for v in values if v is not None]
        assert present == sorted(present, reverse=view.descending), key
        assert all(v is None for v in values[len(present) :]), key
    for query in ("w", "wa", "way", "wayne"):
        view.set_filters(query=query)
        expected = {
            i for i, c in enumerate(view.clients) if c.active and query in view.rows.haystack[i]
        }
        assert set(view.order) == expected, query
    assert view.order and all("wayne" in view.clients[i].name.lower() for i in view.order)


def test_layout_fills_the_width_and_drops_columns_by_priority() -> None:
    for width in (50, 79, 100, 119, 200):
        widths = layout(width)
        assert table_width(widths) == width
    keys = [c.key for c in COLUMNS]
    narrow = dict(zip(keys, layout(79), strict=True))
    assert narrow["name"] >= 16 and narrow["archetype"] >= 11
    assert narrow["lifetime_value"] == 0  # LTV goes first, before the name is cut short
    tiny = dict(zip(keys, layout(50), strict=True))
    assert all(tiny[k] for k in ("name", "health", "recommendation"))
    assert not any(tiny[k] for k in ("effective_rate", "revenue_12m", "lifetime_value", "trend"))


def test_names_keep_enough_characters_to_tell_clients_apart() -> None:
    a, b = "Willowbrook Farm Foods", "Willowbrook Farm Wines"
    floor = name_cuts([a, b, "Acme"]).floor
    assert floor == len("Willowbrook Farm F") + 1  # the first letter that differs, then "…"
    assert fmt.fit(a, floor) == "Willowbrook Farm F…" != fmt.fit(b, floor)
    assert name_cuts(["Acme", "Globex"]).floor == 16  # never cut below the usual floor
    assert name_cuts(["A" * 40 + "x", "A" * 40 + "y"]).floor == 28  # nor widened without end


def test_names_alike_past_the_widest_cut_are_cut_in_the_middle() -> None:
    """Two names alike for longer than the name column's widest cut read the same at 80x24 ("Zoë
    Müller-Lüdenscheidt Arc…" for both, seen in a trial): they are cut in the middle, keeping
    where they differ, whatever their ends or the width of their characters."""
    gmbh, ag = "Zoë Müller-Lüdenscheidt Architektur GmbH", "Zoë Müller-Lüdenscheidt Architektur AG"
    twins = name_cuts([gmbh, ag, "Zoë Müller", "Acme"]).twins
    assert twins == {gmbh: 36, ag: 36}  # where they differ; a short shared start is no twin
    width = name_cuts([gmbh, ag]).floor
    assert fmt.fit(gmbh, width) == fmt.fit(ag, width)  # as before: the same text twice
    shown = fmt.fit_apart(gmbh, width, 36), fmt.fit_apart(ag, width, 36)
    assert shown == ("Zoë Müller-Lüdenscheidt…GmbH", "Zoë Müller-Lüdenscheidt A…AG")
    assert all(cell_len(s) == width for s in shown)
    # alike at both ends: what differs is kept, then cut
    nord = "Zoë Müller-Lüdenscheidt Architektur Nord GmbH & Co. KG"
    sued = "Zoë Müller-Lüdenscheidt Architektur Süd GmbH & Co. KG"
    d = name_cuts([nord, sued]).twins[nord]
    assert (fmt.fit_apart(nord, width, d), fmt.fit_apart(sued, width, d)) == (
        "Zoë Mülle…Nord GmbH & Co. KG",
        "Zoë Müller…Süd GmbH & Co. KG",
    )
    # wide characters: twins by the cells they take, not their count
    a, b = "東京デザイン事務所株式会社" + "本社", "東京デザイン事務所株式会社" + "支社"
    assert set(name_cuts([a, b]).twins) == {a, b}  # 13 shared characters are 26 cells
    w = name_cuts([a, b]).floor
    cut = fmt.fit_apart(a, w, 13), fmt.fit_apart(b, w, 13)
    assert cut[0] != cut[1] and all(cell_len(c) == w for c in cut)
    assert fmt.fit_apart("Zoë Müller", width, 3) == fmt.fit("Zoë Müller", width)  # fits: as is
    # twins that differ inside a word keep the whole word: at 50,000 clients "Copperleaf
    # Physiotherapy (12)" and "(13)" read "…2)" and "…3)", as if "(2)" and "(3)"
    a, b = "Copperleaf Physiotherapy (12)", "Copperleaf Physiotherapy (13)"
    cuts = name_cuts([a, b])
    assert [fmt.fit_apart(n, cuts.floor, cuts.twins[n]) for n in (a, b)] == [
        "Copperleaf Physiothera… (12)",
        "Copperleaf Physiothera… (13)",
    ]
    # where one name ends and the other goes on, the cut is before the space, as it was
    c, d = "Castillo & Ferreira Engineering", "Castillo & Ferreira Engineering (2)"
    cuts = name_cuts([c, d])
    assert fmt.fit_apart(d, 28, cuts.twins[d]) == "Castillo & Ferreira Eng… (2)"


def test_map_buckets_and_steps_between_occupied_cells(big: PortfolioScore) -> None:
    grid = build_grid(big.clients, 60, 20)
    assert sum(len(m) for m in grid.cells.values()) == len([c for c in big.clients if c.active])
    start = grid.worst()
    assert start is not None
    for direction, axis, sign in (("right", 0, 1), ("up", 1, -1)):
        target = grid.step(start, direction)
        assert target is not None and (target[axis] - start[axis]) * sign > 0
    corner = (grid.cols - 1, 0)
    grid.cells.setdefault(corner, [0])
    assert grid.step(corner, "right") is None and grid.step(corner, "up") is None
    members = grid.at(start)
    assert [c.health for c in members] == sorted(c.health for c in members)


def test_formatting() -> None:
    assert fmt.sparkline([0, 50, 100, None]) == "▁▅█·"
    assert [fmt.money_short(v) for v in (850, 1234, 12_345, 1_234_567)] == [
        "€850",
        "€1.2k",
        "€12k",
        "€1.2M",
    ]
    assert fmt.rate(None) == "—" and fmt.rate(85.4) == "€85/h"
    assert fmt.fit("Castell & Rowe Solicitors", 10) == "Castell &…"
    assert fmt.symbol("[red]X") == "[re\u00a0"  # unknown codes are shown, cut and made safe


def test_money_columns_are_as_wide_as_their_currency_needs() -> None:
    """A CHF portfolio's rates read "CHF 6…" in a column sized for "€128/h"; the money columns
    widen by what a code takes beyond a one-cell sign, and the others stay as they are."""
    from health_tui.app.table_model import COLUMNS, MONEY_KEYS, columns_for

    assert columns_for({}) == COLUMNS == columns_for({}, "USD")
    chf = {c.key: c.width for c in columns_for({}, "CHF")}
    assert chf["effective_rate"] >= cell_len(fmt.rate(128, "CHF")) == 9
    widest = max(cell_len(fmt.money_short(v, "CHF")) for v in (850, 9_994, 12_345, 1_234_567))
    assert chf["revenue_12m"] >= widest and chf["lifetime_value"] >= widest
    assert {k: w for k, w in chf.items() if k not in MONEY_KEYS} == {
        c.key: c.width for c in COLUMNS if c.key not in MONEY_KEYS
    }
    assert columns_for({"a": "keep"}, "SEK")[-1].key == "decision"


def test_every_archetype_has_a_short_label() -> None:
    from health_tui.scoring.models import Archetype

    assert set(fmt.ARCHETYPE_LABELS) == set(Archetype)
    assert all(len(label) <= 16 for label in fmt.ARCHETYPE_LABELS.values())


@pytest.mark.parametrize("width", [80, 60, 45])
def test_the_header_breaks_between_phrases_never_inside_one(
    big: PortfolioScore, width: int
) -> None:
    """At 80 columns on 10,000 clients the header read '✖ 549 exit' / 'candidates' and 'not' /
    'enough data' (user trial, seen in tmux): now each line fits and breaks at a ' · '."""
    from health_tui.app.widgets.summary import summary_content

    lines = summary_content(big, None, width).plain.splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    text = "\n".join(lines)
    assert re.search(r"(^|· )✖ [\d,]+ exit candidates?( ·|$)", text, re.M), text
    assert re.search(r"(^|· )[\d,]+ active: [\d,]+ healthy( ·|$)", text, re.M), text
    assert summary_content(big).plain.count("\n") == 1  # width not known: the two lines as ever


def test_the_client_title_breaks_between_facts_never_inside_one() -> None:
    """At 80 columns the client screen's first line ended "notice 14" with "days" alone on the
    next (a user walking through the demo): it breaks between two facts where it does not fit,
    and is one line where it does."""
    import random
    from datetime import date

    from health_tui.app.widgets.client_panels import title_content
    from tests.test_app_support import make_client

    client = make_client(1, date(2026, 9, 30), random.Random(1)).model_copy(
        update={"name": "Haddad Cycle Works", "industry": "Retail", "notice_days": 14,
                "started_on": date(2025, 2, 11), "tenure_days": 596}
    )  # fmt: skip
    narrow = title_content(client, 78).plain.split("\n")
    assert narrow == [
        "Haddad Cycle Works  Retail  client since 2025-02-11 (1.6 years)",
        "notice 14 days",
    ]
    wide = title_content(client, 120).plain
    assert wide == "Haddad Cycle Works  Retail  client since 2025-02-11 (1.6 years)  notice 14 days"
    assert all(cell_len(line) <= 40 for line in title_content(client, 40).plain.split("\n"))


def test_the_exit_mark_goes_whole_to_the_next_line() -> None:
    """At 80 columns on 10,000 clients the verdict ended "✖ exit" with "candidate" alone below
    (seen in tmux): the mark is one phrase, on the verdict's line where it fits."""
    from health_tui.app.widgets.client_panels import verdict_content

    candidate = next(c for c in make_portfolio(200).clients if c.fire_candidate)
    verdict = candidate.verdict
    one_line = f"{verdict}   ✖ exit candidate"
    assert verdict_content(candidate, cell_len(one_line)).plain == one_line
    assert verdict_content(candidate, cell_len(one_line) - 6).plain.split("\n") == [
        verdict,
        "✖ exit candidate",
    ]


def test_what_the_review_saved_keeps_its_head_on_one_line() -> None:
    """At 80 columns "✓ saved: keep for" a long name made the review's head two lines, pushing
    the client down a line (a reviewing helper's find): the name is cut to the width."""
    from health_tui.app.widgets.review_panels import review_head

    saved = "✓ saved: reprice for Achterberg & Adeyemi Consulting International (Rotterdam)"
    narrow = review_head("2026Q4", 1, 763, 1, False, saved=saved, width=80).plain
    assert "\n" not in narrow and cell_len(narrow) == 80 and narrow.endswith("…")
    assert review_head("2026Q4", 1, 763, 1, False, saved=saved, width=200).plain.endswith(saved)
    assert review_head("2026Q4", 1, 763, 1, False, saved=saved).plain.endswith(saved)


def test_the_header_says_at_risk_where_revenue_at_risk_would_break_its_line(
    big: PortfolioScore,
) -> None:
    """The shorter words are taken only where they keep the first line whole."""
    from health_tui.app.widgets.summary import summary_content

    wide = summary_content(big, None, 200).plain.splitlines()[0]
    assert "revenue at risk" in wide
    short = wide.replace("revenue at risk", "at risk")
    fitted = summary_content(big, None, cell_len(short)).plain.splitlines()[0]
    assert fitted == short
    assert summary_content(big, None, cell_len(wide)).plain.splitlines()[0] == wide


def test_the_header_says_what_the_exit_candidates_bring_beside_the_revenue_at_risk(
    big: PortfolioScore,
) -> None:
    """ "revenue at risk €0 · ✖ 1 exit candidate" read as if letting them go cost nothing (an owner
    hunt): the candidates' own revenue is said beside them, where the first line has room."""
    from health_tui.app.widgets.summary import summary_content

    theirs = sum(c.revenue_12m for c in big.candidates())
    n = len(big.candidates())
    said = f"✖ {n:,} exit candidates · their revenue 12m {fmt.money(theirs, big.currency)}"
    wide = summary_content(big, None, 200).plain.splitlines()[0]
    assert wide.endswith(said), wide
    # where it would take a line of its own, the count alone, as before
    plain = wide.removesuffix(said[len(f"✖ {n:,} exit candidates") :])
    assert summary_content(big, None, cell_len(plain)).plain.splitlines()[0] == plain


def test_a_status_line_too_wide_drops_whole_parts_and_keeps_the_count() -> None:
    """At 80 columns the portfolio's status line was cut at its edge: "· 1 of", "· 4", "· 9,614
    of 10,000 clients · 1 decided in", the count or the decisions gone mid-phrase."""
    fit_parts = fmt.fit_parts

    parts = [
        (2, "sorted by health ↑"),
        (4, "filter “Achterberg & Bianchi Associates”"),
        (1, "former hidden"),
        (5, "1 of 10,000 clients"),
        (3, "1 decided in 2026Q4"),
    ]
    whole = " · ".join(text for _, text in parts)
    assert fit_parts(parts, 0) == whole == fit_parts(parts, len(whole))
    assert fit_parts(parts, len(whole) - 1) == (
        "sorted by health ↑ · filter “Achterberg & Bianchi Associates” · 1 of 10,000 clients"
        " · 1 decided in 2026Q4"
    )  # "former hidden" went first
    three = "filter “Achterberg & Bianchi Associates” · 1 of 10,000 clients · 1 decided in 2026Q4"
    assert fit_parts(parts, len(three)) == three  # then the order went
    assert fit_parts(parts, len(three) - 1) == three.rsplit(" · ", 1)[0]  # then the decisions
    assert fit_parts(parts, 20) == "1 of 10,000 clients"
    assert fit_parts(parts, 10) == "1 of 10,0…"


def test_the_import_help_wraps_each_line_under_its_own_indent() -> None:
    """At 80 columns the import help's explanations wrapped back to the left edge, under the
    commands they explain ("time_entries, invoices," alone at the margin)."""
    from health_tui.app.palette import IMPORT_HELP
    from health_tui.app.screens.help import indented

    lines = indented(IMPORT_HELP, 70).split("\n")
    assert all(cell_len(line) <= 70 for line in lines)
    at = next(i for i, line in enumerate(lines) if line.startswith("      a folder of CSV"))
    assert lines[at + 1].startswith("      ") and lines[at + 1].strip().startswith("time_entries")
    assert lines[at + 3] == "  health-tui import EXPORT.csv"
    assert indented(IMPORT_HELP, 0) == IMPORT_HELP
