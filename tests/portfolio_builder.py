"""Small literal portfolios that read like the situations in domain.md, written as import CSVs.

Tests describe a client's story ("three years as a happy client, then one bad quarter") and the
builder lays down the rows; the portfolio then goes through the real import and the real scoring.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from health_tui.ingest.native import COLUMNS, import_folder
from health_tui.scoring.engine import score_portfolio
from health_tui.scoring.models import ClientScore, PortfolioScore
from health_tui.settings import Settings
from health_tui.store import open_store
from tests.conftest import empty_copy

AS_OF = date(2026, 9, 30)


def months_before(day: date, n: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
    return date(y, m + 1, 1)


def _weekdays(start: date, end: date):
    d = start
    while d <= end:
        if d.weekday() < 5:
            yield d
        d += timedelta(days=1)


@dataclass
class Book:
    as_of: date = AS_OF
    rows: dict[str, list[list]] = field(default_factory=lambda: {t: [] for t in COLUMNS})
    _invoice_no: int = 0

    def client(self, cid: str, name: str, started: date, *, ended: date | None = None,
               referred_by: str | None = None, notice_days: int = 30) -> Book:  # fmt: skip
        self.rows["clients"].append(
            [cid, name, started, ended or "", referred_by or "", "", notice_days, ""]
        )
        return self

    def work(self, cid: str, start: date, end: date, *, hours_per_day: float = 2.0, rate: float = 100.0,
             revision: float = 0.05, nonbillable: float = 0.05, late_days: int = 0,
             unpaid_last: int = 0) -> Book:  # fmt: skip
        """Hours on every weekday, split by share into activities; monthly invoices for billable hours."""
        end = min(end, self.as_of)
        by_month: dict[date, float] = {}
        for d in _weekdays(start, end):
            rev = round(hours_per_day * revision, 2)
            nb = round(hours_per_day * nonbillable, 2)
            deliv = round(hours_per_day - rev - nb, 2)
            for hours, billable, activity in (
                (deliv, True, "delivery"),
                (rev, True, "revision"),
                (nb, False, "admin"),
            ):
                if hours > 0:
                    self.rows["time_entries"].append([cid, d, hours, billable, activity, "Sam", ""])
                    if billable:
                        first = d.replace(day=1)
                        by_month[first] = by_month.get(first, 0.0) + hours
        issued_months = [m for m in sorted(by_month) if months_before(m, -1) <= self.as_of]
        for i, month in enumerate(issued_months):
            issued = months_before(month, -1)
            due = issued + timedelta(days=30)
            unpaid = i >= len(issued_months) - unpaid_last
            paid = "" if unpaid else due + timedelta(days=late_days)
            if paid and paid > self.as_of:
                paid = ""
            self._invoice_no += 1
            self.rows["invoices"].append([f"INV-{self._invoice_no:05d}", cid, issued, due, paid,
                                          round(by_month[month] * rate, 2), "EUR"])  # fmt: skip
        return self

    def feedback(
        self, cid: str, start: date, end: date, score: int, *, every_days: int = 91
    ) -> Book:
        d = start + timedelta(days=every_days // 2)
        while d <= min(end, self.as_of):
            self.rows["feedback"].append([cid, d, score, ""])
            d += timedelta(days=every_days)
        return self

    def events(self, cid: str, kind: str, start: date, end: date, *, per_quarter: float,
               channel: str = "email", sentiment: float | None = None, note: str = "",
               hour: int = 11) -> Book:  # fmt: skip
        """Interactions spread evenly: `per_quarter` of them every 91 days between start and end."""
        if per_quarter <= 0:
            return self
        step = 91 / per_quarter
        n = 0
        while True:
            day = start + timedelta(days=int(step / 2 + n * step))
            if day > min(end, self.as_of):
                break
            if day.weekday() >= 5 and hour < 20:  # office-hours events fall on weekdays
                day += timedelta(days=7 - day.weekday())
            if day <= min(end, self.as_of):
                t = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
                self.rows["interactions"].append(
                    [
                        cid,
                        t.strftime("%Y-%m-%d %H:%M"),
                        channel,
                        kind,
                        "" if sentiment is None else sentiment,
                        note,
                    ]
                )
            n += 1
        return self

    def steady(
        self, cid: str, name: str, *, years: float = 2.5, rate: float = 100.0, score: int = 8
    ) -> Book:
        """An ordinary good account: the portfolio's yardstick."""
        start = self.as_of - timedelta(days=int(365 * years))
        self.client(cid, name, start)
        self.work(cid, start, self.as_of, rate=rate, late_days=2)
        self.feedback(cid, start, self.as_of, score)
        self.events(
            cid, "request", start, self.as_of, per_quarter=4, sentiment=0.3, note="Can we add this?"
        )
        self.events(cid, "praise", start, self.as_of, per_quarter=1, sentiment=0.6, note="Thanks!")
        return self

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for table, cols in COLUMNS.items():
            with (folder / f"{table}.csv").open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(cols)
                # rows may leave the optional columns at the end out (a time entry's amounts)
                w.writerows(row + [""] * (len(cols) - len(row)) for row in self.rows[table])
        return folder

    def score(
        self, tmp: Path, settings: Settings | None = None, *, as_of: date | None = None
    ) -> PortfolioScore:
        """Import the book into a fresh database under `tmp` and score it (as of the book's date,
        or `as_of`)."""
        tmp.mkdir(parents=True, exist_ok=True)
        store = open_store(empty_copy(tmp / "book.duckdb"))
        try:
            import_folder(store, self.write(tmp / "book"), replace=True)
            return score_portfolio(store, as_of or self.as_of, settings)
        finally:
            store.close()


def client(p: PortfolioScore, cid: str) -> ClientScore:
    found = p.by_id(cid)
    assert found is not None, f"{cid} not scored"
    return found
