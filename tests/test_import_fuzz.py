"""Whatever bytes are in clients.csv or time_entries.csv, the import either loads them or refuses
with ImportFailed, never another exception, and a refusal leaves every table as it was."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from health_tui.errors import ImportFailed
from health_tui.ingest.native import import_folder
from health_tui.store import Store, open_store

BASE = {
    "clients": "client_id,name,started_on,referred_by\nacme,Acme,2025-07-01,\nbolt,Bolt,2025-08-01,acme\n",
    "time_entries": "client_id,date,hours,billable,activity\nacme,2025-07-02,3,true,delivery\n",
    "feedback": "client_id,date,score\nbolt,2025-09-30,9\n",
}
TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback", "app_settings")

NAMES = st.sampled_from(
    [
        "client_id",
        "name",
        "started_on",
        "ended_on",
        "referred_by",
        "notice_days",
        "date",
        "hours",
        "billable",
        "activity",
        " Client_ID ",
        "HOURS",
        "foo",
        "",
        "rowid",
        "line",
        '"name"',
    ]
)
# Characters that break CSV in interesting ways, plus ordinary ones.
NASTY = st.sampled_from(list('ab1-:. ,"\n\r\t;#\x00é\ufeff\\'))
VALUES = st.one_of(
    st.sampled_from(
        ["acme", "bolt", "zeta", "2025-07-02", "2024-13-01", "3.5", "0", "25", "nan", "true"]
    ),
    st.sampled_from(["yes", "maybe", "delivery", "revision", "coding", "-1", "", " ", "1e308"]),
    st.text(alphabet=NASTY, max_size=8),
    st.text(max_size=6),
)


@st.composite
def csv_text(draw: st.DrawFn) -> bytes:
    """A CSV-ish file: a header of plausible and odd names, rows of plausible and odd values,
    ragged row lengths, stray quotes and mixed line endings."""
    header = draw(st.lists(NAMES, max_size=9))
    width = max(len(header), 1)
    rows = draw(
        st.lists(
            st.lists(VALUES, min_size=max(width - 1, 0), max_size=width + 1),
            max_size=6,
        )
    )
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))

    def cell(value: str) -> str:
        return f'"{value}"' if draw(st.integers(0, 4)) == 0 else value

    lines = [",".join(header)] + [",".join(cell(v) for v in row) for row in rows]
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2]))
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"])), "replace")


@st.composite
def near_valid(draw: st.DrawFn, table: str) -> bytes:
    """The valid BASE file with up to three small edits: where real-world files go wrong."""
    text = BASE[table]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "repeat line"]))
        if edit == "insert":
            text = text[:at] + draw(NASTY) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            lines = text.splitlines(keepends=True)
            if lines:
                line = lines[at % len(lines)]
                text = text + (line if line.endswith("\n") else "\n" + line)
    return text.encode("utf-8", "replace")


def content_for(table: str) -> st.SearchStrategy[bytes]:
    return st.one_of(near_valid(table), csv_text(), st.binary(max_size=200))


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir()
    for table, content in files.items():
        path = folder / f"{table}.csv"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return folder


def snapshot(store: Store) -> dict[str, list[tuple]]:
    return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


class Seeded:
    """One in-memory store for all examples (opening one costs more than an import), holding BASE.

    BASE is imported again only after an example loaded something: a refusal is checked to leave
    every table as it was, so the next example starts from BASE either way."""

    def __init__(self) -> None:
        self.store = open_store(None)
        self.before: dict[str, list[tuple]] | None = None

    def ready(self) -> Store:
        if self.before is None:
            with tempfile.TemporaryDirectory() as tmp:
                import_folder(self.store, write(Path(tmp) / "seed", BASE), replace=True)
            self.before = snapshot(self.store)
        return self.store


@pytest.fixture(scope="module")
def seeded() -> Iterator[Seeded]:
    state = Seeded()
    yield state
    state.store.close()


# FUZZ_EXAMPLES=2000 for a longer hunt; the default keeps the suite fast.
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    table_and_content=st.sampled_from(["clients", "time_entries"]).flatmap(
        lambda table: st.tuples(st.just(table), content_for(table))
    ),
    alone=st.booleans(),
    replace=st.booleans(),
)
def test_random_csv_is_loaded_or_refused_cleanly(
    seeded: Seeded, table_and_content: tuple[str, bytes], alone: bool, replace: bool
) -> None:
    table, content = table_and_content
    store = seeded.ready()
    before, seeded.before = seeded.before, None  # BASE again next time, unless nothing changed
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[str, str | bytes] = dict(BASE)
        if alone:  # without the other files, a lucky clients.csv can load
            files = {"clients": BASE["clients"]} if table != "clients" else {}
        files[table] = content
        try:
            import_folder(store, write(Path(tmp) / "fuzz", files), replace=replace)
        except ImportFailed as error:
            event(f"refused: {error.problems[0].column if error.problems else '?'}")
            assert error.problems, "a refusal names at least one problem"
            assert str(error).splitlines()[-1].startswith("Nothing was changed")
            assert snapshot(store) == before
            seeded.before = before
        else:
            event("loaded")
            assert store.setting("portfolio_kind") == "imported"


@st.composite
def ragged_entries(draw: st.DrawFn) -> tuple[bytes, list[int]]:
    """time_entries.csv with rows DuckDB cannot read (a field too many, too few) among notes written
    over several lines in quotes, blank lines, any line ending, a BOM or Excel's sep= line; and
    the file line each unreadable row is on, counted as the file is written."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))  # "\r": an old Mac's
    lines = ["sep=,"] if draw(st.booleans()) else []
    lines.append("client_id,date,hours,billable,activity,person,note")
    bad: list[int] = []
    for i in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["row", "row", "blank", "too many", "too few"]))
        if kind == "blank":
            lines.append("")
            continue
        note = newline.join(f"part {k}" for k in range(draw(st.integers(1, 3))))
        row = f'acme,2025-07-0{1 + i % 9},1,true,delivery,Sam,"{note}"'
        if kind == "too many":
            row += ",x"
        elif kind == "too few":
            row = "acme,2025-07-01"
        if kind != "row":
            bad.append(len(newline.join(lines).split(newline)) + 1)
        lines.append(row)
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + newline.join(lines) + newline).encode(), bad


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=ragged_entries())
def test_every_unreadable_row_is_said_on_its_file_line(
    seeded: Seeded, entries: tuple[bytes, list[int]]
) -> None:
    """DuckDB numbers rows, not lines: a row after a note over three lines would be said two lines
    short of where the owner finds it in an editor."""
    content, bad = entries
    store = seeded.ready()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write(Path(tmp) / "fuzz", {**BASE, "time_entries": content})
        if not bad:
            return
        with pytest.raises(ImportFailed) as info:
            import_folder(store, folder)
    said = sorted({p.line for p in info.value.problems if p.file == "time_entries.csv"})
    assert said == bad
