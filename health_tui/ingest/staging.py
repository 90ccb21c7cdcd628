"""The staging pieces every import shares: read a CSV file's header, read the file as text through
the view `import_src`, collect what DuckDB could not read, and refuse with a list of problems.

The native folder import (`native.py`) and the single-file exports (`connector.py`) both go through
here, so a file is read, and a refusal worded, the same way whatever its source. Nothing in this
module loops over rows: Python reads one header record and gathers problems; DuckDB reads the rows.
"""

from __future__ import annotations

import codecs
import csv
import mmap
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import duckdb

from health_tui.errors import ImportFailed
from health_tui.formatting import plural
from health_tui.ingest.days import no_such_day
from health_tui.ingest.models import Problem
from health_tui.store import Store, load_query
from health_tui.store.tables import owner_entries_on_demo

# Temp macros the checks and inserts share, so a value is parsed the same way in both.
MACROS = (
    "import_macro_show",
    "import_macro_date",
    "import_macro_timestamp",
    "import_macro_int",
    "import_macro_number",
    "import_macro_amount",
    "import_macro_bool",
    "import_macro_text",
)
MAX_SHOWN = 20  # problems listed in the error message; the exception carries all of them

Progress = Callable[[str], None]


def install_macros(store: Store, con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> None:
    """Create the temp macros `names` on `con` (they live on that connection only)."""
    for name in names:
        store.run(name, con=con)


_EXCEL_SEP = re.compile(r"sep=(.)", re.IGNORECASE)


def excel_separator(path: Path) -> str | None:
    """The separator Excel's first line names (`sep=;`), else None.

    Excel writes that line above the header of a CSV file to say which character separates the
    values; the file is then read with it, from the line below (its header).
    """
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            first = handle.readline(16).rstrip("\r\n")
    except OSError:
        return None  # read_header says why
    match = _EXCEL_SEP.fullmatch(first)
    return match.group(1) if match else None


# Excel's "Unicode Text" (and "UTF-16 LE" CSV) starts with one of these byte-order marks.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF16 = (
    'UTF-16 text (what Excel saves as "Unicode Text"), not UTF-8: open it in Excel and save it '
    'as "CSV UTF-8 (Comma delimited)"'
)


# Excel's plain "CSV" in French, German or Spanish (and many older tools) writes Windows-1252.
NOT_UTF8 = (
    'not UTF-8 text (Excel\'s "CSV" in Western Europe writes Windows-1252): save it from Excel as '
    '"CSV UTF-8 (Comma delimited)", or from LibreOffice with the character set "Unicode (UTF-8)"; '
    'or say its encoding: --encoding windows-1252 (in a mapping, encoding = "windows-1252")'
)


def encoding_name(value: str) -> str:
    """A text encoding as Python names it (windows-1252 for "cp1252" or "Windows-1252"); a name it
    does not know is refused."""
    try:
        return codecs.lookup(value.strip()).name
    except LookupError:
        raise ValueError(
            f"{value!r} is not a text encoding: give one like windows-1252 or latin-1"
        ) from None


def utf8_copy(path: Path, encoding: str, folder: Path) -> tuple[Path, list[Problem]]:
    """`path` read as `encoding`, written as UTF-8 into `folder` under its own name, line for line
    (problems still name the file's lines); a byte the encoding has no character for is a problem
    on its line. A file that is UTF-8 already is read as it is (a sheet saved again as UTF-8
    after the mapping named its old encoding): the copy is `path` itself."""
    if _is_utf8(path):
        return path, []
    copy = folder / path.name
    with path.open("rb") as src, copy.open("w", encoding="utf-8", newline="") as dst:
        for n, raw in enumerate(src, start=1):
            try:
                dst.write(raw.decode(encoding))
            except UnicodeDecodeError as exc:
                byte = raw[exc.start : exc.start + 1].hex()
                reason = f"not {encoding} text either: byte 0x{byte} has no character in it"
                return path, [Problem(file=path.name, line=n, column="(file)", reason=reason)]
    return copy, []


def _is_utf8(path: Path) -> bool:
    """Whether `path` reads as UTF-8 (a megabyte at a time, a character cut at a chunk's end
    carried to the next)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf16(path: Path) -> bool:
    """Whether `path` starts with a UTF-16 byte-order mark."""
    with path.open("rb") as handle:
        return handle.read(2) in _UTF16_BOMS


def read_header(
    path: Path, problems: list[Problem], delimiter: str = ",", skip: int = 0
) -> list[str] | None:
    """The first record of a CSV file after `skip` lines (Excel's `sep=` line), read with Python's
    csv module (one record, not the rows).

    A UTF-8 byte-order mark is dropped; a UTF-16 one is refused, saying how to save the file as
    UTF-8. Undecodable bytes are replaced rather than raised so that a bad byte further into the
    file is left for DuckDB to report with its line number.
    """
    try:
        if _utf16(path):
            problems.append(Problem(file=path.name, line=1, column="(file)", reason=UTF16))
            return None
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            for _ in range(skip):
                handle.readline()
            header = next(csv.reader(handle, delimiter=delimiter, strict=True), None)
    except csv.Error as exc:
        problems.append(
            Problem(
                file=path.name,
                line=1 + skip,
                column="(file)",
                reason=f"cannot read the header: {exc}",
            )
        )
        return None
    except OSError as exc:
        problems.append(
            Problem(
                file=path.name,
                line=1 + skip,
                column="(file)",
                reason=f"cannot open it: {exc.strerror or exc}",
            )
        )
        return None
    if header is None:
        problems.append(
            Problem(file=path.name, line=1 + skip, column="(file)", reason="the file is empty")
        )
        return None
    if "\ufffd" in "".join(header):
        problems.append(
            Problem(
                file=path.name,
                line=1 + skip,
                column="(file)",
                reason=NOT_UTF8,
            )
        )
        return None
    if not any(name.strip() for name in header):
        problems.append(
            Problem(
                file=path.name,
                line=1 + skip,
                column="(file)",
                reason="the first line must be the header (column names)",
            )
        )
        return None
    return header


def read_csv_raw(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    path: Path,
    columns: dict[str, str],
    written: dict[str, str],
    problems: list[Problem],
    delimiter: str = ",",
    query: str = "import_read_raw",
    params: Mapping[str, Any] | None = None,
    fresh: str | None = None,
    skip: int = 0,
) -> int | None:
    """Read `path` with the column names `columns` (name -> type), in file order, by running
    `query` over the view import_src (by default: the file into the temp table import_raw); the
    row count the query reports, or None (with problems added) when a line cannot be read.

    The names are the caller's, never the header's: they go to DuckDB as a bound parameter, so
    nothing written in a file reaches the SQL text. `written` maps each name back to the header as
    the user wrote it, for messages. `skip` lines above the header are read past (Excel's `sep=`
    line); DuckDB still numbers the lines as the file does.

    A file whose lines end some in CRLF and some in LF (one saved by two programs), or some in a
    bare CR (an old Mac's, a stray one), is read as the lines it has: DuckDB's reader wants one
    kind, so such a file is read from a copy with every ending made LF (the same lines as an
    editor shows, so line numbers stay true); one with a `sep=` line is always
    read so (DuckDB reads no row of it, and says nothing). DuckDB either stops on such a file or
    rejects the line where a quoted last value meets the other ending ("bad quoting"); only then
    is the file looked at for both endings, so a clean file is read once. A `query` that adds to a
    table (rather than replacing one, as import_read_raw does) names in `fresh` the query that
    starts that table over, run before the copy is read: the lines the first reading kept would
    otherwise be there twice.
    """
    if skip and _mixes_line_endings(path):  # DuckDB reads no row after a sep= line so saved
        return _read_lf_copy(store, con, path, columns, written, problems, delimiter, query, params,
                             fresh, [], skip)  # fmt: skip
    try:
        rows = _read_csv(con, path, columns, delimiter, query, params, skip)
    except duckdb.Error as exc:
        if _MIXED_ENDINGS not in str(exc):
            problems.append(csv_problem(path.name, exc))
            return None
        return _read_lf_copy(store, con, path, columns, written, problems, delimiter, query, params,
                             fresh, [csv_problem(path.name, exc)], skip)  # fmt: skip
    rejected: list[Problem] = []
    if _rejects(store, con, path, path.name, written, rejected):
        return rows
    if _mixes_line_endings(path):
        return _read_lf_copy(store, con, path, columns, written, problems, delimiter, query, params,
                             fresh, rejected, skip)  # fmt: skip
    problems.extend(rejected)
    return None


def _read_lf_copy(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    path: Path,
    columns: dict[str, str],
    written: dict[str, str],
    problems: list[Problem],
    delimiter: str,
    query: str,
    params: Mapping[str, Any] | None,
    fresh: str | None,
    first: list[Problem],
    skip: int,
) -> int | None:
    """`read_csv_raw` again from a copy of `path` with every line ending made LF, the target started over
    first (`fresh`); if even that cannot be read, the `first` reading's problems are the ones said."""
    if fresh is not None:
        store.run(fresh, con=con)
    with tempfile.TemporaryDirectory(prefix="health-tui-") as tmp:
        copy = _lf_copy(path, Path(tmp))
        try:
            rows = _read_csv(con, copy, columns, delimiter, query, params, skip)
        except duckdb.Error as exc:
            problems.extend(first or [csv_problem(path.name, exc)])
            return None
        return rows if _rejects(store, con, copy, path.name, written, problems) else None


@contextmanager
def table_part(path: Path, end: int | None) -> Iterator[Path]:
    """`path`, or where its table ends before the file does (a report's footer, `detect.
    report_footer`), a copy of it up to byte `end`: the same name and lines, so problems name the
    file's own. DuckDB reads a file to its end."""
    if end is None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="health-tui-") as tmp:
        copy = Path(tmp) / path.name
        with path.open("rb") as src, copy.open("wb") as dst:
            left = end
            while left > 0 and (chunk := src.read(min(left, _CHUNK))):
                dst.write(chunk)
                left -= len(chunk)
        yield copy


def _mixes_line_endings(path: Path) -> bool:
    """Whether `path` has lines ending in two of CRLF, a bare LF and a bare CR (an old Mac's, or a
    stray one a program left), read a megabyte at a time (a CR at a chunk's end is carried to the
    next)."""
    crlf = lf = cr = False
    with path.open("rb") as f:
        carry = b""
        while chunk := f.read(_CHUNK):
            chunk = carry + chunk
            carry = chunk[-1:] if chunk.endswith(b"\r") else b""
            pairs = chunk.count(b"\r\n")
            crlf = crlf or pairs > 0
            lf = lf or chunk.count(b"\n") > pairs
            cr = cr or chunk.count(b"\r") - len(carry) > pairs
            if crlf + lf + cr > 1:
                return True
        cr = cr or bool(carry)  # the file ends in a bare CR
    return crlf + lf + cr > 1


# DuckDB's words when a file mixes line endings (and for some other unreadable files).
_MIXED_ENDINGS = "state machine reached an invalid state"


def point_at_csv(
    con: duckdb.DuckDBPyConnection, path: Path, columns: dict[str, str], delim: str, skip: int = 0
) -> None:
    """Make the view import_src read the CSV file `path` with the layout `columns`, its header
    after `skip` lines."""
    con.execute(
        load_query("import_source_file"),
        {"path": str(path), "columns": columns, "delim": delim, "skip": skip},
    )
    con.execute(load_query("import_source_csv"))


def _read_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    columns: dict[str, str],
    delim: str,
    query: str,
    params: Mapping[str, Any] | None,
    skip: int,
) -> int:
    point_at_csv(con, path, columns, delim, skip)
    ((rows, *_),) = con.execute(load_query(query), params).fetchall()
    return int(rows)


def _lf_copy(path: Path, folder: Path) -> Path:
    """A copy of `path` in `folder` with every line ending (CRLF, or a bare CR) made LF, read and
    written a megabyte at a time: the same lines, as an editor shows them."""
    copy = folder / path.name
    with path.open("rb") as src, copy.open("wb") as dst:
        carry = b""
        while chunk := src.read(_CHUNK):
            chunk = carry + chunk
            carry = chunk[-1:] if chunk.endswith(b"\r") else b""
            body = chunk[: len(chunk) - len(carry)]
            dst.write(body.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
        dst.write(carry.replace(b"\r", b"\n"))
    return copy


def _rejects(
    store: Store,
    con: duckdb.DuckDBPyConnection,
    path: Path,
    name: str,
    written: dict[str, str],
    problems: list[Problem],
) -> bool:
    """The lines DuckDB could not read from `path` (shown as `name`) as problems, each on the line
    it starts on in the file; True if none."""
    rejects = store.rows("import_csv_rejects", {"path": str(path), "not_utf8": NOT_UTF8}, con=con)
    if rejects:
        lines = _lines_at(path, {int(start) for *_, start in rejects if start})
        problems.extend(
            Problem.model_construct(
                file=name,
                line=lines.get(start, int(line)),
                column=written.get(column or "", "(row)") if column else "(row)",
                reason=reason,
            )
            for line, column, reason, start in rejects
        )
        return False
    return True


_CHUNK = 1 << 20


def _lines_at(path: Path, starts: set[int]) -> dict[int, int]:
    """The file line each DuckDB `line_byte_position` is on. DuckDB's own line number counts a
    value written over several lines (a note in quotes) as one line, so the row after such a note
    would be said a line or more short of where it is. The position is two past the first byte of
    the line ending before the line (its CR, or its LF; blank lines between are part of that run):
    the line starts where that run of CRs and LFs ends, and each CRLF, LF or bare CR before it
    ended a line. A position that is not so (a DuckDB that counts otherwise) is left out, and the
    caller keeps DuckDB's number. Read through mmap, a megabyte at a time: no copy of a large file
    in memory, and only on the refusal path."""
    found: dict[int, int] = {}
    if not starts or path.stat().st_size == 0:
        return found
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        newlines, counted = 0, 0  # newlines in data[:counted]
        for start in sorted(starts):
            at = start - 2  # the line ending's first byte
            if not 0 <= at < len(data) or data[at] not in _ENDS or at < counted:
                continue
            while at < len(data) and data[at] in _ENDS:
                at += 1
            newlines += _line_ends(data, counted, at)
            counted = at
            found[start] = newlines + 1
    return found


def _line_ends(data: mmap.mmap, lo: int, hi: int) -> int:
    """How many lines end in data[lo:hi]: a CRLF, a bare LF or a bare CR each (an old Mac's file,
    which DuckDB reads as it is), counted a megabyte at a time (mmap has no count before Python
    3.13); a CRLF split between two megabytes is one."""
    n = 0
    for a in range(lo, hi, _CHUNK):
        b = min(a + _CHUNK, hi)
        window = data[a:b]
        n += window.count(b"\n") + window.count(b"\r") - window.count(b"\r\n")
        if b < hi and data[b - 1 : b + 1] == b"\r\n":
            n -= 1
    return n


_ENDS = b"\r\n"


def replaces_demo(store: Store, replace: bool, where: str) -> bool:
    """Whether this import replaces the demo portfolio (every import over it does). What the owner
    recorded on the demo (notes, logged interactions, decisions...) would go with it, so, as a new
    demo or a restore over it, the import is refused unless `replace` says to let them go."""
    if store.setting("portfolio_kind") != "demo":
        return False
    recorded = owner_entries_on_demo(store)
    if recorded and not replace:
        entries = "entry" if recorded == 1 else "entries"
        raise ImportFailed(
            f"{where} holds the demo portfolio with {recorded:,} {entries} you recorded on it "
            "(notes, logged interactions, decisions...). An import replaces the demo, and they "
            "would go with it: import into a file of its own (--db mine.duckdb), or pass "
            "--replace to let them go.\n"
            f"Nothing was changed in {where}."
        )
    return True


_LINE = re.compile(r"\bLine: (\d+)")


def csv_problem(file: str, exc: duckdb.Error) -> Problem:
    """A CSV error DuckDB raised instead of recording a reject, at its line if it gives one."""
    match = _LINE.search(str(exc))
    if match:
        return Problem(
            file=file, line=int(match.group(1)), column="(row)", reason=duckdb_reason(exc)
        )
    return Problem(
        file=file, line=1, column="(file)", reason=f"cannot read it as CSV: {duckdb_reason(exc)}"
    )


def duckdb_reason(exc: duckdb.Error) -> str:
    """The informative line of a DuckDB error, without its 'X Error:' prefix and query echo."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    for text in lines:
        text = re.sub(r"^[A-Za-z ]*Error: ", "", text)
        if text and not text.startswith(("CSV Error on Line", "Original Line", "LINE ")):
            return text[:200]
    return "unreadable"


def show(value: str) -> str:
    """A header name quoted for a message, on one line and cut short."""
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= 40 else flat[:37] + "...")


def size(path: Path) -> str:
    """A file's size for progress lines: '412 MB'."""
    amount = float(path.stat().st_size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            if unit == "bytes" or amount >= 10:
                return f"{amount:,.0f} {unit}"
            return f"{amount:.1f} {unit}"
        amount /= 1024
    raise AssertionError("unreachable")


def refuse(problems: list[Problem], what: Path, where: str, hint: str | None = None) -> NoReturn:
    """Raise ImportFailed listing the first MAX_SHOWN problems; the database was not touched.

    `hint` (a few lines on what to do) goes between the problems and the closing line.
    """
    problems = [no_such_day(p) for p in problems]  # 31.09.2026 is a typo, not another format
    count = len(problems)
    lines = [f"import of {what} refused, {count:,} problem{'s' if count != 1 else ''}:"]
    lines += _as_above(problems[:MAX_SHOWN])
    if count > MAX_SHOWN:
        more = count - MAX_SHOWN
        lines.append(f"... and {more:,} more problem{'s' if more != 1 else ''}")
        lines += _values_refused(problems)
    if hint:
        lines.append(hint)
    lines.append(f"Nothing was changed in {where}.")
    error = ImportFailed("\n".join(lines))
    error.problems = problems
    raise error


# A problem's reason that ends in the value refused: "not one of email, phone, ...: 'Courrier'".
_VALUE_AT_END = re.compile(r"^(?P<why>.*): (?P<value>'.*'|\".*\")$", re.DOTALL)
VALUES_SHOWN = 12


def _as_above(problems: list[Problem]) -> list[str]:
    """Each problem on its line; a reason said already for the column, ending in another value,
    is "as above" with that value: a Xero list's status AUTHORISED was refused with the same
    two-line sentence twenty times, the one word that differed lost in it."""
    said: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        m = _VALUE_AT_END.match(p.reason)
        if m is not None and (p.column, m["why"]) in said:
            p = p.model_copy(update={"reason": f"as above: {m['value']}"})
        elif m is not None:
            said.add((p.column, m["why"]))
        out.append(str(p))
    return out


def _values_refused(problems: list[Problem]) -> list[str]:
    """Where the list of problems is cut, every value refused once per column and reason, with
    its count of lines: a contact log's 87 problems showed 20, and the words to give a kind
    (Courrier, LinkedIn, escalade...) took one import per word to find."""
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for p in problems:
        if (m := _VALUE_AT_END.match(p.reason)) is not None:
            values = groups.setdefault((p.column, m["why"]), {})
            values[m["value"]] = values.get(m["value"], 0) + 1
    if sum(len(values) for values in groups.values()) < 2:  # one value: the list says it
        return []
    out = ["Every value refused, once each:"]
    for (column, why), values in groups.items():
        shown = [f"{v} ({plural(n, 'line')})" for v, n in list(values.items())[:VALUES_SHOWN]]
        rest = len(values) - VALUES_SHOWN
        out.append(
            f"  {column}: {why}: {', '.join(shown)}" + (f" and {rest} more" if rest > 0 else "")
        )
    return out


def where_of(store: Store) -> str:
    """How messages name the database: its path, or 'the in-memory database'."""
    return str(store.path) if store.path else "the in-memory database"
