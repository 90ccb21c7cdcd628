"""Numbers and labels as the screens show them: short, aligned, the same on every screen.

Money and counts come from the core's `health_tui.formatting`, so the CLI and the report agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

from health_tui.formatting import (
    NO_VALUE,
    hours,
    money,
    money_short,
    plural,
    rate,
    rate_not_weighed,
    share,
    signed,
    symbol,
)
from health_tui.scoring.models import Archetype, Recommendation
from health_tui.text import cut, fill_clauses, fit, wrap_cells

SPARK = "▁▂▃▄▅▆▇█"


# Short enough for a 16-cell column at 80 columns wide.
ARCHETYPE_LABELS = {
    Archetype.champion: "champion",
    Archetype.steady: "steady",
    Archetype.no_pattern: "no pattern",
    Archetype.not_known: "—",
    Archetype.extreme_critic: "extreme critic",
    Archetype.loyal_now_irritated: "loyal, irritated",
    Archetype.active_hater: "active hater",
    Archetype.problem_client: "problem client",
    Archetype.never_satisfied: "never satisfied",
    Archetype.underpriced: "underpriced",
    Archetype.struggling: "struggling",
    Archetype.drifting: "drifting",
    Archetype.dormant: "dormant",
    Archetype.new: "new",
    Archetype.former: "former",
}

RECOMMENDATION_LABELS = {r: r.value for r in Recommendation}

# The core's formatter (shared with the CLI and the report), under the names the screens use.
__all__ = [
    "NO_VALUE",
    "count",
    "hours",
    "money",
    "money_short",
    "plural",
    "rate",
    "rate_not_weighed",
    "share",
    "signed",
    "symbol",
]
count = plural


def score(value: float | None) -> str:
    return NO_VALUE if value is None else f"{value:.0f}"


def sparkline(values: Sequence[float | None]) -> str:
    """One block per quarter on the absolute 0-100 scale, so two clients' lines compare; '·' = no data."""
    out = []
    for v in values:
        if v is None:
            out.append("·")
        else:
            out.append(SPARK[min(len(SPARK) - 1, max(0, int(v / 100 * len(SPARK))))])
    return "".join(out)


def bar(value: float | None, width: int) -> str:
    """A horizontal bar of `width` cells for a 0-100 value, in eighths of a cell."""
    if value is None or width <= 0:
        return ""
    eighths = round(max(0.0, min(100.0, value)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(width)


HEAD = 8  # cells of a name's start kept before a middle cut


def fit_name(text: str, width: int, differs_at: int | None) -> str:
    """A name in `width` cells: cut at its end (`fit`), or, for one alike another for longer
    than that (`differs_at`, from `table_model.name_cuts`), in the middle, keeping what differs
    (`fit_apart`): the table's and the effort map's list."""
    if differs_at is not None and width < cell_len(text[: differs_at + 1]) + 1:  # + "…"
        return fit_apart(text, width, differs_at)
    return fit(text, width)


def fit_apart(text: str, width: int, differs_at: int) -> str:
    """`fit`, but a cut keeps where `text` starts to differ from a name alike (`differs_at`, a
    character index) as well as its start: "Zoë Müller-Lüdenscheidt…GmbH" and "…Lüdenscheidt
    A…AG"; "Zoë Mülle…Nord GmbH & Co. KG" where the ends are alike too."""
    if cell_len(text) <= width or width < 12:
        return fit(text, width)
    room = width - 1  # after the ellipsis
    # where they differ inside a word, from that word, with its space, where it fits: "(22)"
    # read "…2)" beside "…3)" (as if "(2)"), seen at 50,000 clients
    around = text[differs_at - 1 : differs_at + 1]
    if len(around) == 2 and not any(c.isspace() for c in around):
        space = text.rfind(" ", 0, differs_at)
        if space > 0 and cell_len(text[space:]) <= room - HEAD:
            differs_at = space
    rest = text[differs_at:]
    if cell_len(rest) <= room - HEAD:
        return set_cell_size(set_cell_size(text, room - cell_len(rest)) + "…" + rest, width)
    return set_cell_size(text, HEAD) + "…" + fit(rest, room - HEAD)


NARROWEST = 20  # cells: a column narrower than this wraps its later lines further left
LEAST = 10  # cells: narrower still, the text is left to the widget to wrap


def end_column(parts: Sequence[str | tuple[str, str]]) -> int:
    """The cell where text added after `parts` (plain strings or (text, style) pairs) begins:
    the width of their last line."""
    text = "".join(p if isinstance(p, str) else p[0] for p in parts)
    return cell_len(text.rsplit("\n", 1)[-1])


def wrap_under(
    text: str, width: int, column: int, fallback: int = 0, *, clauses: bool = False
) -> str:
    """`text`, starting at `column`, wrapped to `width` cells with its later lines under that
    column, or under `fallback` where the column leaves it fewer than NARROWEST cells: a list or
    a panel wraps a long line at its left edge, under the dates, where it reads as a line of its
    own. Measured in cells (a CJK character or an emoji is two). Unwrapped while the width is not
    known (0), or where even `fallback` leaves fewer than LEAST cells. `clauses`: broken after a
    comma where one fits (`fill_clauses`), so that a list's names stay whole."""
    indent = column if width - column >= NARROWEST else min(column, fallback)
    if width - indent < LEAST:
        return text
    if clauses:
        lines = fill_clauses(text, width - column, width - indent)
    else:
        lines = wrap_cells(text, width - column, width - indent)
    return "\n".join([lines[0], *(" " * indent + line for line in lines[1:])])


Phrase = list[str | tuple[str, str]]
"""Parts (plain strings or (text, style) pairs) that stay on one line."""


def packed(
    phrases: Sequence[Phrase], width: int, sep: str | tuple[str, str]
) -> list[str | tuple[str, str]]:
    """The phrases joined by `sep` (text, or text and its style), a new line instead where the
    next would pass `width` cells (0: not known, one line): a header breaks between two phrases,
    never inside one ("notice 14 / days" at 80 columns)."""
    out: list[str | tuple[str, str]] = []
    used = 0
    gap = cell_len(sep if isinstance(sep, str) else sep[0])
    for i, phrase in enumerate(phrases):
        size = cell_len("".join(p if isinstance(p, str) else p[0] for p in phrase))
        if i and width and used + gap + size > width:
            out.append("\n")
            used = 0
        elif i:
            out.append(sep)
            used += gap
        out += phrase
        used += size
    return out


def fit_parts(parts: Sequence[tuple[int, str]], width: int, sep: str = " · ") -> str:
    """The parts joined by `sep` in `width` cells (0: not laid out, all of them): where they do
    not fit, the lowest ranked go first (the earlier of two alike), whole, and a last part still
    too wide is cut with "…". A status line cut at its edge read "1 of" or "4", its count gone."""
    shown = list(parts)

    def line() -> str:
        return sep.join(text for _rank, text in shown)

    while width and len(shown) > 1 and cell_len(line()) > width:
        shown.remove(min(shown, key=lambda part: part[0]))
    return cut(line(), width) if width else line()
