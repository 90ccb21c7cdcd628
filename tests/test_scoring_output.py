"""What the owner reads: the full JSON of a fixture portfolio, the CLI's table/CSV, the settings."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from syrupy.extensions.json import JSONSnapshotExtension

from health_tui.cli import cli, terminal_width
from health_tui.ingest.native import import_folder
from health_tui.output import csv_cell, render_scores
from health_tui.scoring.engine import score_portfolio
from health_tui.store import open_store
from health_tui.text import fill_clauses
from tests.conftest import FIXTURES, json_as_before
from tests.test_app_support import make_client

AS_OF = date(2026, 9, 30)
REQUIRED = {
    "client_id", "name", "health", "band", "components", "effort_return", "effective_rate",
    "lifetime_value", "referral_value", "archetype", "recommendation", "fire_candidate",
    "reasons", "trend",
}  # fmt: skip


@pytest.fixture
def small(small_db: Path):
    store = open_store(small_db)
    yield score_portfolio(store, AS_OF)
    store.close()


def test_full_json_of_the_fixture_portfolio(small, snapshot) -> None:
    data = json.loads(render_scores(small, "json"))
    assert all(set(record) >= REQUIRED for record in data)
    assert all(len(record["trend"]) == 5 for record in data)
    assert data == snapshot(extension_class=JSONSnapshotExtension)


def test_score_json_is_byte_for_byte_what_pythons_encoder_wrote(small) -> None:
    rng = random.Random(3)
    odd = [
        make_client(
            0, AS_OF, rng, name='Zoë "Ünïcode" \\ \x1b[31m\u2028 東京 🙂\t', note="<b>\x00</b>"
        ),
        make_client(1, AS_OF, rng).model_copy(update={"effective_rate": 1e20, "margin": -0.0001}),
    ]
    for clients in (small.clients, odd):
        portfolio = small.model_copy(update={"clients": clients})
        assert render_scores(portfolio, "json") == json_as_before(clients)


def test_scoring_is_a_function_of_the_as_of_date(small_db: Path) -> None:
    store = open_store(small_db)
    try:
        first = score_portfolio(store, AS_OF)
        again = score_portfolio(store, AS_OF)
        earlier = score_portfolio(store, date(2026, 3, 31))
    finally:
        store.close()
    assert first == again
    assert earlier.quarter == "2026Q1" and earlier.quarters[-1] == "2026Q1"
    assert [c.health for c in earlier.clients] != [c.health for c in first.clients]


def test_time_entries_ending_weeks_before_the_day_scored_are_said(small_db: Path) -> None:
    """A Toggl export that ended on 7 October, scored on 5 December: the weeks since read as no
    work, and good clients as "struggling", nothing saying why (a design agency's hunt). The
    fixtures' time ends on 2026-09-30."""
    from health_tui.report import build_report
    from health_tui.report.markdown import render_markdown
    from health_tui.settings import Settings

    small = open_store(small_db)
    assert score_portfolio(small, date(2026, 10, 13)).time_ends_on is None  # 13 days: a holiday
    late = score_portfolio(small, date(2026, 11, 15))
    assert late.time_ends_on == date(2026, 9, 30)
    said = (
        "Time entries end on 2026-09-30, 46 days before 2026-11-15: the work since is not on "
        "record (the last four quarters' hours and rates stand on less); import a newer time "
        "export, or score as of 2026-09-30."
    )
    assert said in " ".join(render_scores(late, "table", width=1000).split())
    from health_tui.app.widgets.summary import summary_content

    header = summary_content(late, None, 80).plain.splitlines()
    assert header[-1] == "time entries end 2026-09-30"  # the app's header, a line of its own here
    report = render_markdown(build_report(small, date(2026, 11, 15), Settings(), today=AS_OF))
    small.close()
    assert said in report.replace("\n", " ")
    out = CliRunner().invoke(
        cli, ["score", "--db", str(small_db), "--as-of", "2026-11-15", "--format", "json"]
    )
    assert out.stderr == f"health-tui: note: {said}\n"  # the JSON on stdout stays a list


def test_score_command_json_csv_and_candidates(small_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    records = json.loads(out.output)
    assert {r["client_id"] for r in records} >= {"northwind", "castell"}

    out = runner.invoke(
        cli, ["score", "--db", str(small_db), "--quarter", "2026Q3", "--format", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert len(rows) == len(records)
    assert rows[0]["reasons"]

    out = runner.invoke(
        cli,
        [
            "score",
            "--db",
            str(small_db),
            "--as-of",
            "2026-09-30",
            "--candidates",
            "--format",
            "json",
        ],
    )
    assert all(r["fire_candidate"] for r in json.loads(out.output))

    out = runner.invoke(cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30"])
    assert out.exit_code == 0 and out.output.startswith("2026Q3 as of 2026-09-30:")


def test_the_table_fits_the_terminal_it_is_shown_in(small, small_db: Path) -> None:
    """At 80 columns every row of `health-tui score` wrapped onto two lines (seen in tmux): on a
    terminal the table leaves out EXIT? (the verdict says it), the band, then rate and revenue, cuts
    the names, then the archetype, and says what it left out; to a file or a pipe it keeps every
    column."""
    full = render_scores(small, "table")
    assert "left out" not in full and "band" in full.split("\n\n")[1].splitlines()[0]
    for width in (100, 80, 60, 40):
        out = render_scores(small, "table", width=width)
        assert all(cell_len(line) <= width for line in out.splitlines()), (width, out)
        assert "northwind" in out.lower() or "Northwind" in out
    at_80 = render_scores(small, "table", width=80)
    header = at_80.split("\n\n")[1].splitlines()[0].split()
    assert "band" not in header and "archetype" in header and "health" in header
    assert "(band, rev 12m, EXIT? left out at 80 columns:" in " ".join(at_80.split())
    at_40 = render_scores(small, "table", width=40)
    assert "archetype" not in at_40.split("\n\n")[1].splitlines()[0]
    # the names get back what a column left out gave (the demo at 60 columns: cut to 18 cells
    # with 17 spare); here the archetype goes at 50, leaving room for every name whole
    at_50 = render_scores(small, "table", width=50).split("\n\n")[1].splitlines()
    assert "archetype" not in at_50[0]
    assert any(line.startswith("Castell & Rowe Solicitors ") for line in at_50), at_50
    # CliRunner's output is not a terminal: every column, as to a file
    out = CliRunner().invoke(cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30"])
    assert out.exit_code == 0 and out.output == full


def test_score_on_a_terminal_fits_its_width(
    small, small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`health-tui score` asks the terminal's width only when its output is a terminal."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(shutil, "get_terminal_size", lambda: os.terminal_size((80, 24)))
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert terminal_width() == 80
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert terminal_width() is None
    monkeypatch.setattr("health_tui.cli.terminal_width", lambda: 80)
    out = CliRunner().invoke(cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30"])
    assert out.exit_code == 0 and out.output == render_scores(small, "table", width=80)
    assert "left out at 80 columns" in out.output


def test_the_summary_breaks_between_clauses_never_inside_an_amount() -> None:
    """Wrapped at its spaces, "revenue at risk CHF 0" could end a line at "CHF"."""
    text = (
        "2026Q3 as of 2026-09-30: 7 active clients — 5 healthy, 2 watch; revenue at risk CHF 1,250"
    )
    for width in range(30, len(text) + 1):
        lines = fill_clauses(text, width)
        assert all(cell_len(line) <= width for line in lines), width
        assert any("CHF 1,250" in line for line in lines), (width, lines)


def test_score_refuses_bad_dates_and_a_missing_database(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        cli, ["score", "--db", str(tmp_path / "none.duckdb"), "--as-of", "2026-09-30"]
    )
    assert out.exit_code == 1 and "does not exist yet" in out.output
    out = runner.invoke(cli, ["score", "--db", str(tmp_path / "x.duckdb"), "--quarter", "2026Q5"])
    assert out.exit_code == 2 and "2026Q3" in out.output


def test_config_file_is_validated_value_by_value(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        "[weights]\nsatisfaction = -1\n[bands]\nhealthy = 40\nwatch = 60\n[money]\ncurrency = 'E'\n"
    )
    out = CliRunner().invoke(cli, ["config", "--config", str(cfg)])
    assert out.exit_code == 2
    assert (
        "weights.satisfaction" in out.output
        and "bands" in out.output
        and "money.currency" in out.output
    )


def test_config_shows_where_each_setting_came_from(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("[money]\ntarget_rate = 120\ncurrency = 'GBP'\n")
    out = CliRunner().invoke(cli, ["config", "--config", str(cfg)])
    assert out.exit_code == 0
    line = next(x for x in out.output.splitlines() if x.startswith("target_rate"))
    assert "120" in line and str(cfg) in line
    line = next(x for x in out.output.splitlines() if x.startswith("satisfaction"))
    assert "default" in line


def test_config_write_makes_the_settings_file_to_edit(tmp_path: Path) -> None:
    """The settings file had to be made by hand (first-day hunt): `config --write` writes every
    setting with its value and what it means, reads back as the same settings, says the default
    of a value changed, and never writes over a file without --force."""
    from health_tui.settings import Settings, load_settings

    cfg = tmp_path / "deep" / "config.toml"
    runner = CliRunner()
    missing = runner.invoke(cli, ["config", "--config", str(cfg)])  # a typo is not defaults
    assert missing.exit_code == 2 and "does not exist" in missing.output
    made = runner.invoke(cli, ["config", "--config", str(cfg), "--write"])
    assert made.exit_code == 0 and made.output.startswith(f"Wrote {cfg}: every setting")
    assert load_settings(cfg)[0] == Settings()
    text = cfg.read_text(encoding="utf-8")
    assert text.startswith("# health-tui settings, written by `health-tui config --write`.")
    assert re.search(r"^satisfaction += 0\.35 +# default: feedback", text, re.M)
    cfg.write_text(text.replace("satisfaction             = 0.35", "satisfaction = 0.5", 1))
    again = runner.invoke(cli, ["config", "--config", str(cfg), "--write"])
    assert again.exit_code == 2 and "exists already" in again.output
    assert "satisfaction = 0.5" in cfg.read_text(encoding="utf-8")  # untouched
    forced = runner.invoke(cli, ["config", "--config", str(cfg), "--write", "--force"])
    assert forced.exit_code == 0
    assert load_settings(cfg)[0].weights.satisfaction == 0.5
    assert re.search(r"^satisfaction += 0\.5 +# default 0\.35: feedback", cfg.read_text(), re.M)


def test_config_on_a_terminal_wraps_each_comment_under_its_own_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns `health-tui config` ran its comments past the edge, broken mid-word by the
    terminal: on a terminal each comment goes on under its own '# ' (above the setting where a
    long list leaves it no room); a file or a pipe gets one line a setting, as before."""
    cfg = tmp_path / "config.toml"
    cfg.write_text("[money]\ncurrency = 'GBP'\n")
    piped = CliRunner().invoke(cli, ["config", "--config", str(cfg)]).output
    monkeypatch.setattr("health_tui.cli.terminal_width", lambda: 80)
    shown = CliRunner().invoke(cli, ["config", "--config", str(cfg)]).output
    settings = shown.splitlines()[1:]  # (the first names the file, its path as long as it is)
    assert all(cell_len(line) <= 80 for line in settings), settings
    assert max(cell_len(line) for line in piped.splitlines()[1:]) > 80
    column = 0
    for line in settings:  # every continuation under its own setting's '# '
        if line.startswith(" ") and line.lstrip().startswith("# "):
            assert line.index("# ") == column, line
        elif " # " in line:
            column = line.index(" # ") + 1

    def letters(text: str) -> list[str]:  # (a path wider than a line is cut across lines)
        return sorted("".join(text.split()).replace("#", ""))

    assert letters(shown) == letters(piped)  # the same settings and comments, only rebroken
    lines = shown.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('words = ["payment plan",'))
    assert lines[at - 1].startswith("# ")  # its comment above it: no room beside the list
    assert lines[at + 1] == '    "lost a contract", "lost the contract", "lost their contract",'


def test_the_settings_printed_read_back_as_the_same_settings(tmp_path: Path) -> None:
    """`health-tui config` printed `True` and wrote strings unescaped, so its text, saved as a
    settings file, was refused or read otherwise: it now reads back as the settings it shows."""
    from health_tui.settings import describe, load_settings

    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[money]\ncurrency = "GBP"\nrates = { EUR = 0.86, USD = 0.79 }\n'
        "[friction]\nweekends_after_hours = false\n"
        '[hard_times]\nwords = ["lost our \\"big\\" client", "C:\\\\cash", "plan de paiement"]\n'
        '[agency]\nname = "Studio \\"Nord\\""\n'
    )
    settings, sources = load_settings(cfg)
    assert settings.hard_times.words[1] == "C:\\cash" and not settings.friction.weekends_after_hours
    again = tmp_path / "again.toml"
    again.write_text(describe(settings, sources), encoding="utf-8")
    assert load_settings(again)[0] == settings


def test_configured_target_rate_and_currency_reach_the_reasons(
    small_db: Path, tmp_path: Path
) -> None:
    cfg = tmp_path / "config.toml"
    # the fixture invoices in EUR; a GBP portfolio converts them at its rate
    cfg.write_text("[money]\ntarget_rate = 200\ncurrency = 'GBP'\n[money.rates]\nEUR = 0.85\n")
    out = CliRunner().invoke(
        cli,
        [
            "score",
            "--db",
            str(small_db),
            "--as-of",
            "2026-09-30",
            "--format",
            "json",
            "--config",
            str(cfg),
        ],
    )
    records = json.loads(out.output)
    assert all(r["target_rate"] == 200 for r in records)
    assert any("target of £200/h" in reason for r in records for reason in r["reasons"])
    base = ["score", "--db", str(small_db), "--as-of", "2026-09-30", "--format", "json"]
    eur = json.loads(CliRunner().invoke(cli, base).output)
    assert sum(r["revenue_12m"] for r in records) == pytest.approx(
        0.85 * sum(r["revenue_12m"] for r in eur), abs=0.05
    )
    cfg.write_text("[money]\ncurrency = 'GBP'\n")  # the rate taken out: scoring refuses
    without_rate = CliRunner().invoke(cli, [*base, "--config", str(cfg)])
    assert without_rate.exit_code == 2
    assert "82 invoices in EUR" in without_rate.output and "EUR = " in without_rate.output


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    for f in (FIXTURES / "small").iterdir():
        if f.suffix == ".csv":
            (folder / f.name).write_text(
                f.read_text().replace("Harbor Street Bakery", "=HYPERLINK(1)")
            )
    db = tmp_path / "evil.duckdb"
    store = open_store(db)
    import_folder(store, folder)
    text = render_scores(score_portfolio(store, AS_OF), "csv")
    store.close()
    names = [row["name"] for row in csv.DictReader(io.StringIO(text))]
    assert "'=HYPERLINK(1)" in names and "=HYPERLINK(1)" not in names


def _lone_cr_db(tmp_path: Path) -> Path:
    """fixtures/small with Harbor named, in a quoted clients.csv field, "Acme<CR>=HYPERLINK(1)"."""
    folder = tmp_path / "cr"
    shutil.copytree(FIXTURES / "small", folder)
    clients = folder / "clients.csv"
    text = clients.read_text().replace("Harbor Street Bakery", '"Acme\r=HYPERLINK(1)"')
    clients.write_bytes(text.encode())
    db = tmp_path / "cr.duckdb"
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_a_lone_carriage_return_is_quoted_and_every_line_guarded(tmp_path: Path) -> None:
    db = _lone_cr_db(tmp_path)
    result = CliRunner().invoke(cli, ["score", "--db", str(db), "--as-of", "2026-09-30",
                                      "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = result.stdout
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 8 and all(None not in r for r in rows)  # no row split, no cell spilled
    # the carriage return is a line break (\n): alone, it sent a terminal back over the line
    assert next(r for r in rows if r["client_id"] == "harbor")["name"] == "Acme\n'=HYPERLINK(1)"
    assert '"Acme\n\'=HYPERLINK(1)"' in text and "\r" not in text
    # a reader that takes every CR or LF for a new row still finds no formula at a row's start
    assert not re.search(r"(^|[\r\n])[=+\-@]", text)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("Acme\r=HYPERLINK(1)", "Acme\n'=HYPERLINK(1)"),
        ("ok\n@SUM(1)", "ok\n'@SUM(1)"),
        ("a\r\n+1\n-2\n\tx", "a\n'+1\n'-2\n'\tx"),
        ("\r=1", "\n'=1"),
        ("Acme - the web studio", "Acme - the web studio"),
        (-3.5, -3.5),
        # printed by `score --format csv` to a terminal: nothing in a name may drive it
        ("Bell\x07Co \x1b[31mred\x1b[0m \x1b]0;title\x07", "BellCo red "),
        ("left\u202eright", "leftright"),
        ("page\x0cbreak", "page break"),
    ],
)
def test_csv_cell_guards_every_line_of_a_cell(cell: object, safe: object) -> None:
    assert csv_cell(cell) == safe


def test_long_and_wide_names_are_cut_visibly_and_keep_the_columns_aligned() -> None:
    """A name past its column ends in '…' (it was cut mid-word with nothing to say so), and a
    CJK name counts its two cells a character, so the columns after it stay in line."""
    from rich.cells import cell_len

    from health_tui.clients import ClientListing
    from health_tui.output import render_clients
    from tests.test_app_support import make_portfolio

    long = "Castell, Ross & Partners Architecture and Interiors Ltd"
    wide = "株式会社山田デザイン事務所"
    p = make_portfolio(3)
    p = p.model_copy(update={"clients": [
        p.clients[0].model_copy(update={"name": long}),
        p.clients[1].model_copy(update={"name": wide}),
        p.clients[2],
    ]})  # fmt: skip
    lines = render_scores(p, "table", width=100).splitlines()[2:]
    cut = next(line for line in lines if line.startswith("Castell"))
    assert "…" in cut and "Interiors" not in cut
    # to a file or a pipe the name is whole (it was cut there too), the columns still in line
    whole = render_scores(p, "table").splitlines()[2:]
    assert any(line.startswith(long + " ") for line in whole), whole
    assert len({cell_len(line[: line.index(c.band_text)]) for c in p.clients for line in whole
                if line.startswith(c.name[:7])}) == 1  # fmt: skip
    band_at = {cell_len(line[: line.index(c.band_text)]) for c in p.clients for line in lines
               if line.startswith(c.name[:7])}  # fmt: skip
    assert len(band_at) == 1, lines  # every band in the same column

    listing = [
        ClientListing(
            client_id=cid,
            name=name,
            made_by="harvest-time",
            started_on=AS_OF,
            ended_on=None,
            ignored=False,
            sources=[],
            total_rows=0,
            alias_names=[],
            merged_ids=[],
        )
        for cid, name in (("castell", long), ("yamada", wide), ("quill", "Quill & Co"))
    ]
    rows = render_clients(listing).splitlines()[1:4]
    assert "…" in rows[0] and "Interiors" not in rows[0]
    assert len({cell_len(r[: r.index("harvest-time")]) for r in rows}) == 1, rows


def test_the_clients_list_fits_a_terminal_with_other_names_on_their_own_line() -> None:
    """At 80 columns `health-tui clients` wrapped every line, header included: the other names
    were a last column after a name padded to the longest. On a terminal they go on a line of
    their own under the client, wrapped to it; a file or a pipe keeps the column."""
    from rich.cells import cell_len

    from health_tui.clients import ClientListing, SourceRows
    from health_tui.output import render_clients

    def client(cid: str, name: str, aliases: list[str], ended: date | None = None) -> ClientListing:
        return ClientListing(client_id=cid, name=name, made_by="folder", started_on=AS_OF,
                             ended_on=ended, ignored=False,
                             sources=[SourceRows(source="folder", n=1690)], total_rows=1690,
                             alias_names=aliases, merged_ids=[])  # fmt: skip

    listing = [
        client("CL-6869", "Achterberg & Adeyemi Associates International", [], date(2026, 10, 5)),
        client("northwind", "Northwind Outfitters",
               ["NW Outfitters", "Northwind Outfitters GmbH", "Northwind (Berlin office)"]),
    ]  # fmt: skip
    lines = render_clients(listing, 80).splitlines()
    assert all(cell_len(line) <= 80 for line in lines), lines
    assert lines[0].split() == ["client_id", "name", "made", "by", "rows", "by", "source"]
    at = next(i for i, line in enumerate(lines) if line.startswith("northwind"))
    assert lines[at + 1].startswith(
        '    also known as "NW Outfitters", "Northwind Outfitters GmbH"'
    )
    assert '(Berlin office)"' in lines[at + 1] + lines[at + 2]
    piped = render_clients(listing).splitlines()
    assert piped[0].endswith("also known as") and '"NW Outfitters"' in piped[2]
    # An id made from an export's names is up to 39 cells and is never cut (commands take it):
    # the rows by source, then what is said after a name, go below the client instead.
    long_id = client("haddad-cycle-works-and-bicycle-repa-1a2b3c",
                     "Haddad Cycle Works and Bicycle Repair", ["Haddad"], date(2026, 10, 5))  # fmt: skip
    lines = render_clients([long_id, *listing], 80).splitlines()
    assert all(cell_len(line) <= 80 for line in lines), lines
    assert lines[0].split() == ["client_id", "name", "made", "by"]
    assert lines[2] == '    ended 2026-10-05 · rows folder 1,690 · also known as "Haddad"'
    assert render_clients([long_id], 4).count("Haddad") == 2  # no width is too small to list
    # at 60 columns such an id left the name fewer cells than its least: lines of 64 (found by
    # the CLI helper); who made it goes below too
    lines = render_clients([long_id, *listing], 60).splitlines()
    assert all(cell_len(line) <= 60 for line in lines), lines
    assert lines[0].split() == ["client_id", "name"]
    assert lines[2].startswith("    ended 2026-10-05 · made by folder · rows folder 1,690")


def test_a_trend_quarter_without_a_health_is_a_dash_in_the_csv() -> None:
    """A spreadsheet showed "    52" (four quarters with no health, each an empty place) for a
    client new this year: each such quarter is now a dash, so the five places can be read."""
    from tests.test_app_support import make_portfolio

    p = make_portfolio(1)
    c = p.clients[0]
    trend = [q.model_copy(update={"health": None}) for q in c.trend[:4]] + c.trend[4:]
    p = p.model_copy(update={"clients": [c.model_copy(update={"trend": trend})]})
    row = next(csv.DictReader(io.StringIO(render_scores(p, "csv"))))
    assert row["trend"] == f"— — — — {c.trend[4].health:.0f}"


def test_counts_in_thousands_in_the_table_summary(small) -> None:
    """The 10,000-client demo's `score` summary read '— 8033 healthy, 984 watch'."""
    many = [c.model_copy(update={"client_id": f"{c.client_id}-{i}"})
            for i in range(400) for c in small.clients]  # fmt: skip
    big = small.model_copy(update={"clients": many})
    head = render_scores(big, "table").splitlines()[0]
    counts = big.band_counts()
    assert any(n >= 1000 for n in counts.values())
    for band, n in counts.items():
        assert f"{n:,} {band.label}" in head


def test_a_cell_holding_a_semicolon_is_quoted_for_excel_in_europe() -> None:
    from decimal import Decimal

    from health_tui.output import csv_text

    text = csv_text(["name", "rate", "hours"], [["Smith; Jones", Decimal("12.50"), 3]], "excel-eu")
    assert text == '\ufeffname;rate;hours\n"Smith; Jones";12,50;3\n'
    assert csv_text(["name"], [["Smith; Jones"]]) == "name\nSmith; Jones\n"  # plain: as before
