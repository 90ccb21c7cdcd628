"""Starting the app from the command line: open (or create, with demo data) the store, then run.

Errors opening the store or reading the settings propagate as the app's own errors before the screen
is taken over, so the command line prints one line and exits non-zero.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from health_tui.paths import default_config_path
from health_tui.settings import load_settings
from health_tui.store import Store, open_store

DEMO_CLIENTS = 60
DEMO_NOTE_SEEN = "demo_note_seen"  # app_settings key: the demo note was shown once, not again


def demo_note(store: Store, created: bool) -> str | None:
    """The banner for a demo portfolio: what it is and how to bring one's own; None for real data,
    and None once it has been shown (the app records that, see `DEMO_NOTE_SEEN`)."""
    if store.setting("portfolio_kind") != "demo" or store.setting(DEMO_NOTE_SEEN):
        return None
    where = store.path or "this database"
    if created:
        first = f"Demo data: made-up clients were written to {where}."
    else:
        first = f"Demo data: {where} holds the made-up demo portfolio."
    return (
        f"{first} To review your own, run `health-tui import EXPORT.csv` (a Harvest, Toggl, "
        "Clockify, Xero, Stripe, Zendesk or Freshdesk export; one file at a time) or `health-tui import DIR` "
        "(a folder in the import format); the first replaces the demo. "
        "Press x to hide this note; it will not show again (ctrl+p, Import, says how)."
    )


def run_app(
    db_path: Path,
    as_of: date,
    config_path: Path | None = None,
    start: Literal["portfolio", "review"] = "portfolio",
) -> None:
    """Open `db_path` (creating a demo portfolio there if it does not exist) and run the app.

    `start="review"` opens the quarterly review over the portfolio (`health-tui review`). The app
    reads the time only through the clock given here: the system's local time.
    """
    from health_tui.app.app import HealthApp

    settings, _ = load_settings(config_path or default_config_path())
    db_path = Path(db_path).expanduser()
    created = not db_path.exists()
    store = open_store(db_path)
    try:
        if created:
            from health_tui.demo import generate_demo
            from health_tui.demo_reviews import PAST_REVIEWS

            print(f"health-tui: creating a demo portfolio in {db_path}…", file=sys.stderr)
            generate_demo(
                store,
                clients=DEMO_CLIENTS,
                seed=7,
                as_of=as_of,
                past_reviews=PAST_REVIEWS,
                settings=settings,
            )
        app = HealthApp(
            store=store,
            as_of=as_of,
            settings=settings,
            demo_note=demo_note(store, created),
            clock=datetime.now,
            start=start,
        )
        app.run()
    finally:
        store.close()
    if app.return_code:  # Textual has printed the error: a shell or script should see it failed
        sys.exit(app.return_code)
