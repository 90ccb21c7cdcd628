"""The clients marked "not a client": they leave every list, so this is the way back to them.

The palette opens it ("Clients marked not a client"); Enter on one asks, then scores it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from health_tui.app.screens.base import DismissOnce
from health_tui.app.text import safe_text
from health_tui.clients import ClientRef

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp


class NotClientsPicker(DismissOnce[ClientRef | None], ModalScreen[ClientRef | None]):
    """Pick one of the clients marked "not a client"; returns it, or None on Escape."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, refs: list[ClientRef]) -> None:
        super().__init__()
        self.refs = refs

    def compose(self) -> ComposeResult:
        with Vertical(id="not-clients-box"):
            yield Static(
                Content.styled("Marked not a client", "bold")
                + Content(": kept, never scored. Enter scores one again; Escape closes.")
            )
            if self.refs:
                yield OptionList(
                    *(Option(Content(str(ref)), id=ref.client_id) for ref in self.refs),
                    id="not-clients",
                )
            else:
                yield Static(Content("None: every client is scored."), id="not-clients-none")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(r for r in self.refs if r.client_id == event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_not_clients(app: HealthApp) -> None:
    """Read the list in the store's thread, then ask which one to score again."""
    from health_tui.app.screens.review_modals import Confirm
    from health_tui.clients import ignored_clients, set_ignored

    store = app.store

    def chosen(ref: ClientRef | None) -> None:
        if ref is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def saved(_: object) -> None:
                app.notify(
                    safe_text(f"Saved: {ref.name} is a client again and is being scored."),
                    markup=False,
                )
                app.score(app.requested)

            app.run_job(
                lambda con: set_ignored(store, ref.client_id, False, at=app.clock(), con=con),
                saved,
                what="score the client again",
            )

        app.push_screen(
            Confirm(Content(str(ref)), "Score this client again?", yes="Score again"), answered
        )

    def loaded(refs: list[ClientRef]) -> None:
        app.push_screen(NotClientsPicker(refs), chosen)

    app.run_job(
        lambda con: ignored_clients(store, con=con),
        loaded,
        what="read the clients marked not a client",
    )
