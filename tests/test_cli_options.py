"""Options written before the command (`health-tui --db FILE score`) are the command's: never a
file or a date silently left unused while another one is read or written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.paths import DB_ENV
from tests.conftest import FIXTURES


@pytest.fixture
def no_default_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default database is a path nothing should touch: a command that ignored --db would
    fail on it or create it."""
    default = tmp_path / "default" / "portfolio.duckdb"
    monkeypatch.setenv(DB_ENV, str(default))
    return default


def test_db_and_date_before_the_command_are_the_commands(
    small_db: Path, no_default_db: Path
) -> None:
    runner = CliRunner()
    after = runner.invoke(
        cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30", "--format", "csv"]
    )
    before = runner.invoke(
        cli, ["--db", str(small_db), "--as-of", "2026-09-30", "score", "--format", "csv"]
    )
    assert after.exit_code == 0, after.output
    assert before.exit_code == 0, before.output
    assert before.output == after.output and "northwind" in before.output
    quarter = runner.invoke(
        cli, ["--quarter", "2026Q3", "score", "--db", str(small_db), "--format", "csv"]
    )
    assert quarter.output == after.output
    listed = runner.invoke(cli, ["--db", str(small_db), "clients"])
    assert listed.exit_code == 0 and "Northwind Outfitters" in listed.output
    assert not no_default_db.exists()


def test_an_import_lands_in_the_file_named_before_the_command(
    tmp_path: Path, no_default_db: Path
) -> None:
    target = tmp_path / "mine.duckdb"
    out = CliRunner().invoke(cli, ["--db", str(target), "import", str(FIXTURES / "small")])
    assert out.exit_code == 0, out.output
    assert "into " + str(target) in out.output
    assert target.exists() and not no_default_db.exists()


def test_an_option_twice_or_one_the_command_does_not_take_is_refused(
    small_db: Path, tmp_path: Path, no_default_db: Path
) -> None:
    runner = CliRunner()
    other = tmp_path / "other.duckdb"
    twice = runner.invoke(cli, ["--db", str(other), "score", "--db", str(small_db)])
    assert twice.exit_code == 2
    assert f"--db given twice, {other} before the command and {small_db} after it" in twice.output
    same = runner.invoke(cli, ["--db", str(small_db), "score", "--db", str(small_db)])
    assert same.exit_code == 0, same.output
    spelled = small_db.parent / ".." / small_db.parent.name / small_db.name  # the same file
    again = runner.invoke(cli, ["--db", str(small_db), "score", "--db", str(spelled)])
    assert again.exit_code == 0, again.output
    target = tmp_path / "new.duckdb"
    dated = runner.invoke(
        cli,
        ["--as-of", "2026-09-30", "import", str(FIXTURES / "small"), "--db", str(target)],
        prog_name="health-tui",
    )
    assert dated.exit_code == 2
    assert "`health-tui import` does not take --as-of" in dated.output
    assert not target.exists() and not no_default_db.exists()


def test_a_quarter_before_and_a_date_after_the_command_says_where_each_was(
    small_db: Path,
) -> None:
    """It said "give --as-of or --quarter, not both" to someone who gave each once."""
    runner = CliRunner()
    out = runner.invoke(
        cli, ["--quarter", "2026Q3", "score", "--db", str(small_db), "--as-of", "2026-09-30"]
    )
    assert out.exit_code == 2
    assert "--quarter given before the command and --as-of after it: give one" in out.output
    both = runner.invoke(cli, ["score", "--db", str(small_db), "--as-of", "2026-09-30",
                               "--quarter", "2026Q3"])  # fmt: skip
    assert both.exit_code == 2 and "give --as-of or --quarter, not both" in both.output


def test_a_settings_file_named_but_missing_is_refused(small_db: Path, tmp_path: Path) -> None:
    """A typo in --config used to score with the defaults, with other exit candidates and no word."""
    runner = CliRunner()
    for args in (
        ["score", "--db", str(small_db), "--config", str(tmp_path / "setings.toml")],
        [
            "--config",
            str(tmp_path / "setings.toml"),
            "report",
            "--db",
            str(small_db),
            "--out",
            str(tmp_path / "r.md"),
        ],
    ):
        out = runner.invoke(cli, args)
        assert out.exit_code == 2
        assert "setings.toml' does not exist" in out.output
    assert not (tmp_path / "r.md").exists()
    named = runner.invoke(
        cli, ["score", "--db", str(small_db)], env={"HEALTH_TUI_CONFIG": str(tmp_path / "x.toml")}
    )
    assert named.exit_code == 2
    assert f"$HEALTH_TUI_CONFIG names {tmp_path / 'x.toml'}, which does not exist" in named.output


def test_a_demo_smaller_than_its_planted_stories_says_so(tmp_path: Path) -> None:
    out = CliRunner().invoke(
        cli, ["demo", "--db", str(tmp_path / "d.duckdb"), "--clients", "3", "--as-of", "2026-09-30"]
    )
    assert out.exit_code == 0, out.output
    assert "--clients 3 is fewer than the 15 the demo needs" in out.stderr
    assert out.stdout.startswith("Demo portfolio: 15 clients")


def test_a_client_id_in_another_case_is_that_client(small_db: Path) -> None:
    """The help says a CLIENT is found "case, accents and spacing aside"; NORTHWIND was not."""
    out = CliRunner().invoke(
        cli, ["note", "NORTHWIND", "Priya is the new contact", "--db", str(small_db)]
    )
    assert out.exit_code == 0, out.output
    assert out.output.startswith("Saved: a note on Northwind Outfitters (northwind)")


def test_clients_all_with_a_subcommand_is_refused(small_db: Path) -> None:
    out = CliRunner().invoke(cli, ["clients", "--all", "--db", str(small_db), "ignore", "castell"])
    assert out.exit_code == 2 and "`clients ignore` does not take it" in out.output
    listed = CliRunner().invoke(cli, ["clients", "--db", str(small_db)])
    assert "Castell" in listed.output  # not ignored


def test_an_id_in_another_case_never_makes_a_unique_name_ambiguous(
    small_db: Path, tmp_path: Path
) -> None:
    """'Lumen' is the name of one client and, in another case, the id of another (lumen, Lumen
    Robotics): the name answers, as it did before ids were found in any case."""
    sheet = tmp_path / "harvest.csv"
    sheet.write_text(
        "Date,Client,Project,Task,Notes,Hours,Billable?\n2026-07-02,Lumen,Site,Design,Home,2,Yes\n"
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(sheet), "--db", str(small_db)]).exit_code == 0
    out = runner.invoke(cli, ["note", "Lumen", "hello", "--db", str(small_db)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("Saved: a note on Lumen (lumen-")
    # a name in any case is still that name; the id lumen is reached as written
    shouted = runner.invoke(cli, ["note", "LUMEN", "hello", "--db", str(small_db)])
    assert shouted.output.startswith("Saved: a note on Lumen (lumen-")
    by_id = runner.invoke(cli, ["note", "lumen", "hello", "--db", str(small_db)])
    assert by_id.output.startswith("Saved: a note on Lumen Robotics (lumen)")


def test_a_rates_table_given_twice_says_which_two_and_what_to_keep(tmp_path: Path) -> None:
    """A freelancer followed the refusal's advice (add a [money.rates] table) in the file `config
    --write` made, which has `rates = {}` under [money]: every command then stopped on "Cannot
    declare ('money', 'rates') twice", which she could not act on."""
    from health_tui.errors import ConfigError
    from health_tui.settings import load_settings

    path = tmp_path / "config.toml"
    path.write_text('[money]\ncurrency = "CAD"\nrates = {}\n\n[money.rates]\nUSD = 1.39\n')
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert str(refused.value).endswith(
        "[money.rates] is given twice: as `rates = ...` under [money] and as a [money.rates] "
        "table. Keep one: delete the `rates = {}` line under [money], or write the values in it, "
        "`rates = { USD = 1.39 }`."
    )
    from health_tui.money import missing_rates_message
    from health_tui.settings import Money

    said = missing_rates_message(
        [("USD", "1 invoice in USD")], Money(currency="CAD"), what="It has"
    )
    assert "under [money]: write them there instead, `rates = { USD = ? }`." in said


def test_every_export_health_tui_knows_can_be_forced_with_source() -> None:
    """`--source xero-invoices` was "Invalid value", and `import --help` left Xero out."""
    from health_tui.cli import SOURCE_NAMES
    from health_tui.ingest.detect import SOURCES

    assert sorted(SOURCE_NAMES) == sorted([*SOURCES, "native"])


def test_a_client_an_export_made_is_given_its_real_start(tmp_path: Path) -> None:
    """A Bristol agency's four-year client read "client since 2025-07-01" (the first row of its
    exports), its letter "working with us since July 2025", and the 18-month loyal rule could not
    see it: nothing could set it. `clients start` does, the import says where it comes from."""
    from health_tui.cli import cli
    from health_tui.store import open_store

    db = tmp_path / "p.duckdb"
    sheet = tmp_path / "time.csv"
    sheet.write_text("Date,Client,Hours\n2025-07-01,Bath Botanics,2\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(sheet), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "The new client starts on the first day this export shows for them" in result.output
    result = runner.invoke(
        cli, ["clients", "start", "Bath Botanics", "2021-03-01", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "began on 2021-03-01" in result.output
    store = open_store(db)
    assert store.con.execute("SELECT started_on FROM clients").fetchone()[0].isoformat() == (
        "2021-03-01"
    )
    store.close()
    # an import after it does not move it
    runner.invoke(cli, ["import", str(sheet), "--db", str(db)])
    result = runner.invoke(cli, ["clients", "start", "Bath Botanics", "--clear", "--db", str(db)])
    assert "it starts on 2025-07-01, as imported" in result.output
    refused = runner.invoke(
        cli, ["clients", "start", "Bath Botanics", "2021-13-01", "--db", str(db)]
    )
    assert refused.exit_code != 0 and "a date like 2022-03-01" in refused.output
