"""Untrusted text made safe to show: one helper every screen, report and CLI table uses.

Client names, notes and comments come from files the owner imported; they may hold Rich/Textual markup,
escape sequences or control characters. The screens never parse data as markup (they build `Text`
objects from plain strings), and `safe_text` removes whatever a terminal could act on. No UI here:
the report and the command line use it too. `markdown_text` does the same for a Markdown file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from rich.cells import cell_len, chop_cells, set_cell_size

# CSI, OSC (ended by BEL or ST), DCS/SOS/PM/APC strings, then any other two-byte ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)",
    re.DOTALL,
)
# C0 and C1 controls, DEL, and the bidi overrides that can make text read differently than it is.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_CONTROL = frozenset("\t\n\r\x0b\x0c")


def unaccented(text: str) -> str:
    """Each character of the text (composed: NFC) without its accents, one for one ("Hôtel
    Québec" -> "Hotel Quebec"): a search typed without accents finds a name written with them (a
    Montréal shop's owner found 5 of 12 clients only by typing their accents), and a match's
    offsets are the composed name's own. A character that is not a letter and its accents
    (Hangul, a ligature) stays as it is."""
    if text.isascii():
        return text
    return "".join(map(_base, unicodedata.normalize("NFC", text)))


@cache
def _base(ch: str) -> str:
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) > 1 and all(unicodedata.combining(c) for c in parts[1:]):
        return parts[0]
    return ch


def _replace_control(match: re.Match[str]) -> str:
    return " " if match.group() in _WHITESPACE_CONTROL else ""


def safe_text(value: object) -> str:
    """Return `value` as one line of inert text: escape sequences and control characters removed.

    Tabs and line breaks become spaces so a note cannot push the rest of a table line down.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # the common case, and cheap: nothing to strip
        return text
    return _CONTROL.sub(_replace_control, _ESCAPE_SEQUENCE.sub("", text))


_KEPT_IN_CELL = frozenset("\t\n")  # quoted, a spreadsheet shows them as tabs and breaks


def _cell_control(match: re.Match[str]) -> str:
    return match.group() if match.group() in _KEPT_IN_CELL else _replace_control(match)


def cell_text(value: str) -> str:
    """Like `safe_text`, but keeping tabs and line breaks: for a CSV cell, which the command line
    may print straight to a terminal (`score --format csv`). A line break written \r\n or \r is
    written \n: a lone carriage return would send the terminal back over the line it printed."""
    if value.isprintable():
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(_cell_control, _ESCAPE_SEQUENCE.sub("", value))


def safe_lines(value: str) -> str:
    """Like `safe_text`, but keeping line breaks: for a letter the owner edits as a whole."""
    return "\n".join(safe_text(line) for line in value.replace("\r\n", "\n").split("\n"))


# Escaped with a backslash: the characters every Markdown (Markdown.pl, CommonMark, GFM,
# Python-Markdown) lets a backslash escape, and `|`, which splits a GFM table cell unless escaped.
_MD_BACKSLASHED = re.compile(r"[\\`*_\[\]|]")
# Written as character references, which every Markdown shows literally: `<` and `>` (an HTML tag,
# an autolink, a blockquote), `~` (GFM strikethrough) and `$` (GitHub's maths), where a backslash is
# not an escape in every Markdown and would show.
_MD_REFERENCES = str.maketrans({"<": "&lt;", ">": "&gt;", "~": "&#126;"})
# A `$` ends a span of maths only where no digit follows it (GitHub, pandoc): every other `$` is
# written as a reference, and with no `$` left to end one, none begins. An amount ("$22,000") reads
# as written in the raw file, as the report's tables write it.
_MD_DOLLAR = re.compile(r"\$(?!\d)")
# An `&` that would start a character reference of its own ("&amp;" in a name stays "&amp;").
_MD_AMPERSAND = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What turns a line into a heading, a list item, a thematic break or a setext underline.
_MD_LINE_START = re.compile(r"^([ \t]*)(?:([#+-])|(=)|(\d{1,9})(?=[.)]))")


def markdown_text(value: object, *, inline: bool = False) -> str:
    """`value` as Markdown that renders as exactly this text in any Markdown renderer.

    No tag, link, image, emphasis, code span, heading, list, table cell or maths can come out of a
    client's name or an owner's note. `inline` makes it one line (line breaks and tabs as spaces),
    for a table cell, a heading or a list item; otherwise its line breaks are kept (a letter).
    Control characters and escape sequences go first, as in `safe_text`.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = " ".join(safe_text(text).split()) if inline else safe_lines(text)
    return "\n".join(_markdown_line(line) for line in text.split("\n"))


def _markdown_line(line: str) -> str:
    line = _MD_AMPERSAND.sub("&amp;", line).translate(_MD_REFERENCES)
    line = _MD_DOLLAR.sub("&#36;", line)
    line = _MD_BACKSLASHED.sub(r"\\\g<0>", line)
    return _MD_LINE_START.sub(_escape_line_start, line, count=1)


def _escape_line_start(m: re.Match[str]) -> str:
    indent, mark, equals, number = m.groups()
    if mark:
        return f"{indent}\\{mark}"
    if equals:
        return f"{indent}&#61;"
    return f"{indent}{number}\\"  # "1." or "1)": the escape goes before the dot


def cut(text: str, width: int) -> str:
    """`text` as it is if it fits in `width` cells (a wide character counts two), else cut to
    them with '…' at the end, so it reads as cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, width)


def fit(text: str, width: int) -> str:
    """`cut`, padded to exactly `width` cells: a cell of a table drawn line by line."""
    return set_cell_size(cut(text, width), width)


def columns(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> list[str]:
    """Rows of cells as lines of aligned columns two spaces apart, widths in cells (a CJK name is
    as wide as it looks); the columns in `right` aligned to the right; no trailing spaces."""
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            " " * (w - cell_len(v)) + v if i in right else set_cell_size(v, w)
            for i, (v, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


# Between a currency's code and its amount (formatting.symbol): a space no line is broken at
# ("CHF 37,320" wrapped in the app, the terminal or a browser never ends a line on "CHF"). Shown
# and copied as a space. Words are split at any other whitespace.
NBSP = "\u00a0"
_GAPS = re.compile(rf"[^\S{NBSP}]+")


def _words(text: str, rest: int) -> list[str]:
    """`text`'s words for wrapping in lines of `rest` cells; one held together by no-break spaces
    is cut at them where such a line cannot hold it whole, rather than inside a figure."""
    out: list[str] = []
    for word in _GAPS.split(text):
        if NBSP in word and cell_len(word) > rest:
            out += [part for part in word.split(NBSP) if part]
        elif word:
            out.append(word)
    return out


def wrap_cells(text: str, first: int, rest: int) -> list[str]:
    """The words of `text` in lines of at most `first` cells (the first line; none if not even a
    word's first character fits there) and `rest` (the others), measured in cells (a CJK
    character or an emoji is two, where `textwrap` counts one); a word wider than a line is cut
    across lines. Words joined by a no-break space (an amount and its currency's code, "CHF 37,320")
    stay together where a whole line holds them: no line ends on the code."""
    lines: list[str] = []
    line, limit = "", max(first, 0)
    for word in _words(text, rest):
        while word:
            joined = f"{line} {word}" if line else word
            if cell_len(joined) <= limit:
                line, word = joined, ""
            elif line or (not lines and limit < rest):  # the word starts the next line
                lines.append(line)
                line, limit = "", rest
            else:  # wider than a whole line: as much of it as fits, the rest below
                head = chop_cells(word, limit)[0] or word[0]
                lines.append(head)
                word, limit = word[len(head) :], rest
    lines.append(line)
    return lines


def fill_clauses(text: str, width: int, rest: int | None = None) -> list[str]:
    """`text` in lines of at most `width` cells (`rest` for the lines after the first, if given),
    broken after a comma, semicolon or dash, so that "revenue at risk CHF 1,250", "3 at risk" or
    a list's item stay whole; a clause wider than a line is wrapped at its spaces."""
    later = width if rest is None else rest
    lines: list[str] = []
    for clause in re.split(r"(?<=[,;—]) ", text):
        limit = later if lines else width
        if lines and cell_len(joined := f"{lines[-1]} {clause}") <= limit:
            lines[-1] = joined
        elif cell_len(clause) <= limit:
            lines.append(clause)
        else:
            lines += wrap_cells(clause, limit, later)
    return lines
