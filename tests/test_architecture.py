"""The invariants the README's Architecture section promises, checked so they stay true."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "health_tui"
CORE = ["health_tui.store", "health_tui.ingest.native", "health_tui.ingest.export", "health_tui.scoring.engine",
        "health_tui.review.decisions", "health_tui.review.checklist", "health_tui.review.letter",
        "health_tui.ingest.connector", "health_tui.demo", "health_tui.history", "health_tui.output", "health_tui.text", "health_tui.report", "health_tui.cli",
        "health_tui.clients", "health_tui.record", "health_tui.score_change", "health_tui.whatif"]  # fmt: skip
# SQL statements as this project writes them (upper-case keywords), not English prose
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM\b|INSERT\s+(OR\s+REPLACE\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?(TABLE|VIEW|MACRO|SEQUENCE|TYPE)|DROP\s+(TABLE|VIEW|MACRO)|COPY\s+\(\s*SELECT)"
)


def test_the_core_runs_without_textual() -> None:
    code = "import sys, importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in CORE)
    code += "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_only_the_store_connects_to_duckdb() -> None:
    offenders = [
        p.relative_to(ROOT)
        for p in PACKAGE.rglob("*.py")
        if "duckdb.connect" in p.read_text() and "store" not in p.parts
    ]
    assert offenders == []


def test_no_sql_text_outside_queries() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in PACKAGE.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if SQL.search(line)
    ]
    assert offenders == []


def test_only_the_command_line_reads_todays_date() -> None:
    clock = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time)\(")
    offenders = [
        p.relative_to(ROOT)
        for p in PACKAGE.rglob("*.py")
        if clock.search(p.read_text()) and p.name not in ("cli.py", "run.py")
    ]
    assert offenders == []


def test_every_text_box_of_the_app_keeps_keys_in_order() -> None:
    """A plain Input runs backspace and the arrows after the characters typed behind them when the
    screen is busy ("law", three backspaces, "champ" gave "lawch"); every box is an OrderedInput."""
    plain_input = re.compile(r"(?<![\w.])Input\(")
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (PACKAGE / "app").rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if plain_input.search(line) and "class " not in line
    ]
    assert offenders == []


def test_the_import_contract_names_every_core_module() -> None:
    """`.ci/run`'s import-linter contract (pyproject.toml) checks the modules it names: a core
    module left out of it could import Textual unchecked."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"].startswith("The core never imports Textual")
    )
    modules = {
        f"health_tui.{p.stem if p.is_file() else p.name}"
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file()
    }
    core = modules - {"health_tui.app", "health_tui.cli", "health_tui.__main__"}
    listed = set(contract["source_modules"])
    assert sorted(core - listed) == [], "core modules the contract does not check"
    assert sorted(listed - modules) == [], "modules the contract names that do not exist"


def test_every_kind_of_export_has_each_query_its_steps_name() -> None:
    """The connector names its queries by kind (`connector_fill_{kind}`...): a kind without one of
    them fails only when a file reaches that step. An invoice mapping with [fixed] values did, with
    a traceback, as no `connector_fill_bills` was written."""
    from health_tui.ingest.connector import KINDS
    from health_tui.store.queries import queries_dir

    steps = {
        m.group(1)
        for p in (PACKAGE / "ingest").glob("*.py")
        for m in re.finditer(r'f"(connector_[a-z_]+_)\{kind(?:\.name)?\}"', p.read_text())
    }
    assert "connector_fill_" in steps
    conditional = {  # steps only some kinds take (connector.py says which)
        "connector_client_rows_", "connector_signal_rows_", "connector_skipped_rows_",
        "connector_rows_", "connector_stale_",
    }  # fmt: skip
    missing = [
        f"{step}{kind.name}.sql"
        for step in sorted(steps - conditional)
        for kind in KINDS.values()
        if not (queries_dir() / f"{step}{kind.name}.sql").is_file()
    ]
    assert missing == []
