"""A deterministic synthetic agency portfolio, generated in SQL, to try the app without your own data.

Why SQL: ten thousand clients mean about ten million rows; DuckDB writes them set-based in seconds, where a
Python loop over events would take minutes. Python only binds parameters (seed, size, as-of date and the
word lists names and notes are drawn from) and runs the `queries/demo_*.sql` statements in one transaction.

Why hash() and not random(): every pseudo-random number is `hash(seed, client, index, tag)` mapped to
[0, 1) (the `demo_u` macro), so the same (clients, seed, as_of) writes the same rows however DuckDB
schedules its threads. Where a signal must hold in every quarter (activity shares, billability, volume,
complaints per quarter) the draws are low-discrepancy sequences offset by such a hash, not independent,
so a planted client shows its situation for any seed.

Vocabulary written (what the facts queries read): activities delivery, revision, meeting, support, admin;
interaction kinds request, meeting, praise, complaint, escalation, urgent_request, scope_change,
revision_request; channels email, chat, phone, meeting, letter, social.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

from health_tui.demo_reviews import plant_past_reviews
from health_tui.errors import HealthTuiError
from health_tui.settings import Settings
from health_tui.store import Store, load_query
from health_tui.store.tables import owner_entries_on_demo, wipe_all

# The planted situations: always the first clients, whatever the portfolio size.
PLANTED: dict[str, str] = {
    "champion": "CL-0001",
    "steady": "CL-0002",
    "extreme_critic": "CL-0003",
    "loyal_now_irritated": "CL-0004",
    "active_hater": "CL-0005",
    "problem_client": "CL-0006",
    "never_satisfied": "CL-0007",
    "underpriced": "CL-0008",
    "small_referrer": "CL-0009",
    "struggling": "CL-0010",
    "new": "CL-0011",
    "former": "CL-0012",
    "dormant": "CL-0013",
    "drifting": "CL-0014",
    "hard_times": "CL-0015",
}

TABLES = ("clients", "time_entries", "invoices", "interactions", "feedback")

# Word lists the SQL draws from, bound as LIST parameters. Names: "{place} {trade}", "{surname} & {surname}
# {firm}" or "{surname} {trade}"; each trade or firm carries its industry at the same position.
_TRADES: tuple[tuple[str, str], ...] = (
    ("Bakery", "Food & drink"),
    ("Dental Group", "Healthcare"),
    ("Coffee Roasters", "Food & drink"),
    ("Physiotherapy", "Healthcare"),
    ("Veterinary Clinic", "Healthcare"),
    ("Yoga Studio", "Fitness"),
    ("Fitness Club", "Fitness"),
    ("Brewing Co.", "Food & drink"),
    ("Bistro", "Hospitality"),
    ("Hotel", "Hospitality"),
    ("Guesthouse", "Hospitality"),
    ("Florist", "Retail"),
    ("Bookshop", "Retail"),
    ("Outfitters", "Retail"),
    ("Home Goods", "Retail"),
    ("Garden Centre", "Retail"),
    ("Motors", "Automotive"),
    ("Cycle Works", "Retail"),
    ("Pet Supplies", "Retail"),
    ("Academy", "Education"),
    ("Language School", "Education"),
    ("Nursery", "Education"),
    ("Estates", "Real estate"),
    ("Property Group", "Real estate"),
    ("Builders", "Construction"),
    ("Roofing", "Construction"),
    ("Solar", "Energy"),
    ("Logistics", "Logistics"),
    ("Print Shop", "Manufacturing"),
    ("Foods", "Food & drink"),
    ("Software", "Technology"),
    ("Labs", "Technology"),
    ("Wines", "Food & drink"),
    ("Opticians", "Healthcare"),
    ("Salon", "Beauty"),
    ("Skincare", "Beauty"),
)
_FIRMS: tuple[tuple[str, str], ...] = (
    ("Law", "Legal"),
    ("Legal", "Legal"),
    ("Architects", "Architecture"),
    ("Accountants", "Finance"),
    ("Wealth", "Finance"),
    ("Partners", "Consulting"),
    ("Consulting", "Consulting"),
    ("Associates", "Consulting"),
    ("Engineering", "Engineering"),
    ("Surveyors", "Real estate"),
    ("Recruitment", "Recruitment"),
    ("Insurance", "Finance"),
)
_PLACES = (
    "Northwind", "Lumen", "Bluebell", "Harbourside", "Oakridge", "Silverline", "Brightwater",
    "Kestrel", "Meridian", "Juniper", "Copperleaf", "Fairhaven", "Greystone", "Larkspur", "Redwood",
    "Saltmarsh", "Stonebridge", "Willowbrook", "Amberly", "Cedar Lane", "Ironbark", "Marigold",
    "Seabright", "Thornbury", "Westgate", "Foxglove", "Riverside", "Elmstead", "Highfield", "Alder",
)  # fmt: skip
_SURNAMES = (
    "Ortega", "Hale", "Brandt", "Okafor", "Moreau", "Lindqvist", "Castillo", "Whitfield",
    "Nakamura", "Doyle", "Rossi", "Haddad", "Kowalski", "Fischer", "Mensah", "Bianchi", "Delacroix",
    "Patel", "Novak", "Adeyemi", "Laurent", "Marsh", "Sato", "Quinn", "Varga", "Holm", "Ferreira",
    "Byrne", "Achterberg", "Kaur",
)  # fmt: skip
_STAFF = ("Sam", "Priya", "Tom", "Lena", "Marco", "Aisha", "Jonas", "Chloe")

_WORDS: dict[str, list[str]] = {
    "places": list(_PLACES),
    "trades": [t for t, _ in _TRADES],
    "trade_industries": [i for _, i in _TRADES],
    "firms": [f for f, _ in _FIRMS],
    "firm_industries": [i for _, i in _FIRMS],
    "surnames": list(_SURNAMES),
    "staff": list(_STAFF),
    "te_delivery": [
        "Homepage layout", "Product page build", "Newsletter template", "Blog post draft",
        "Logo refinements", "Campaign landing page", "Social media assets", "Brochure layout",
        "SEO audit fixes", "Booking form integration", "Photo retouching", "Email automation setup",
        "Copy for the about page", "Analytics dashboard", "Menu redesign", "Ad creatives",
    ],
    "te_revision": [
        "Third round of homepage changes", "Reworked the hero banner", "Colour changes after feedback",
        "Rewrote the intro copy again", "Revised brochure after comments", "Swapped photos on request",
        "Logo tweaks, round four", "Changed the fonts back",
    ],
    "te_meeting": [
        "Weekly check-in", "Monthly review call", "Kick-off for the next campaign",
        "Quarterly planning", "Workshop on the new site", "Call about the brief",
    ],
    "te_support": [
        "Fixed the contact form", "Password reset for the CMS", "Hosting issue",
        "E-mail deliverability problem", "Broken link on the shop", "Plugin updates",
    ],
    "te_admin": [
        "Invoice queries", "Contract paperwork", "Timesheet reconciliation", "Chasing approvals",
        "Briefing notes", "Access set-up",
    ],
    "ia_request": [
        "Could you add the new opening hours to the site?",
        "Please send the draft for next month's newsletter",
        "Can we get a quote for a spring campaign?",
        "New photos attached for the gallery",
        "Please update the price list on the site",
        "Can you resize the banner for Instagram?",
        "Could we move Thursday's call to Friday?",
        "Sending over the copy for the product launch",
        "Can you add our new team member to the about page?",
        "Please schedule the posts for next week",
        "Is the landing page ready for review?",
        "Could you check why the booking form is slow?",
    ],
    "ia_meeting": [
        "Monthly check-in on the roadmap", "Reviewed the campaign results together",
        "Planning session for next quarter", "Walked through the new site structure",
    ],
    "ia_praise": [
        "Thanks — the launch went brilliantly",
        "The new site looks fantastic, our customers love it",
        "Great work on the campaign, bookings are up",
        "Really appreciate the quick turnaround",
        "Best agency we've worked with, honestly",
        "The team was a joy to work with this month",
        "Newsletter open rates are the best we've had",
    ],
    "ia_complaint": [
        "The newsletter went out with last month's date",
        "We waited a week for a reply to our e-mail",
        "The shop was down for two hours on Saturday",
        "The invoice didn't match the quote",
        "The deadline slipped again without warning",
        "The new banner doesn't match our brand colours",
        "We found typos on the launch page",
        "Nobody told us the campaign had paused",
    ],
    "ia_nitpick": [
        "Logo is 2px off in the footer",
        "The dash in the tagline should be an en dash",
        "Button corners are rounder than in the mock-up",
        "The photo on the team page is slightly blurry on retina screens",
        "Line spacing in the second paragraph is inconsistent",
        "The grey is #777, the style guide says #767676",
        "Footer links are not vertically centred",
        "The hover colour is a shade too light",
        "One bullet in the list has a full stop, the others don't",
    ],
    "ia_staff": [  # {who} becomes the client's lead; each names a role the facts query recognises
        "Your designer {who} clearly doesn't care about our brand",
        "The account manager {who} never answers the phone",
        "Your developer {who} broke the contact form again",
        "That designer {who} was rude to our marketing lead",
        "The project manager {who} keeps promising dates and missing them",
    ],
    "ia_public": [
        "Posted a one-star review: slow, sloppy and overpriced",
        "Wrote on social media that we can't build a simple website",
        "Left a public comment calling the new site a disaster",
        "Posted on LinkedIn that agencies like ours are a waste of money",
    ],
    "ia_escalation": [  # a letter's note is prefixed "Formal letter. "
        "Considering ending the contract unless the quality improves",
        "Their director asks for a meeting about the quality of the work",
        "Escalated to our managing director, wants a discount",
        "Complaint about missed deadlines, copied to their lawyer",
    ],
    "ia_urgent": [
        "Needs the banner changed before the 3 pm board meeting",
        "Site shows the wrong prices, please fix now",
        "Press release has to go out within the hour",
        "Urgent: typo in the live ad campaign",
    ],
    # After hours; {time} becomes the message's own time. Phone calls and written messages differ.
    "ia_urgent_call": [
        "Called at {time} needing the deck tonight",
        "Rang at {time} about a 'tiny' change for tomorrow's launch",
        "Called at {time}: the homepage must change before the morning",
    ],
    "ia_urgent_written": [
        "Sent at {time}: need new flyers printed by 8 am",
        "Sent at {time}: please swap the homepage photos before we open",
        "Sent at {time}: the investor deck needs a new slide by tomorrow",
    ],
    "ia_hardship": [  # the client's own trouble, in the words the scoring looks for
        "We lost our biggest contract: could we agree a payment plan for the next invoices?",
        "Restructuring on our side, asks for patience on payments",
        "Cash flow is tight after losing the Harbour contract, sorry for the delay",
        "Not your fault at all, we are going through a difficult time",
    ],
    "ia_scope": [
        "Can we add an online shop? Should be quick",
        "Now wants the app in three languages",
        "Asked to include the sister company's site too",
        "Wants a members' area added to the current phase",
        "Please add a booking system, same budget",
    ],
    "ia_revision": [
        "Asked for a third round of changes on the homepage hero",
        "Please make the logo bigger on mobile",
        "Can we try the blue version of the brochure?",
        "Change the headline on the landing page",
        "Swap the order of the photos in the gallery",
    ],
    "ia_vague": [
        "Doesn't feel right yet, can you try another direction?",
        "Not quite there, it needs more... something",
        "I'll know it when I see it, another version please",
        "Can it feel more premium but also more friendly?",
        "We liked the first one better, but different",
        "It's close but the energy is off",
    ],
    "fb_high": [
        "Couldn't be happier", "Great quarter, thank you", "Always reliable", "Excellent work as usual",
    ],
    "fb_mid": [
        "Good work, a few delays", "Solid, happy overall", "Mostly good, replies could be faster",
    ],
    "fb_low": ["Okay, but we expected more", "Too many rounds of changes", "A mixed quarter"],
    "fb_bad": [
        "Not what we agreed", "Disappointed with this quarter", "Considering other agencies",
        "Quality has dropped",
    ],
}  # fmt: skip

# The statements, in order, with what the progress line says about each.
_STEPS: tuple[tuple[str, str], ...] = (
    ("demo_profiles", "client profiles"),
    ("demo_unique_names", "client names"),
    ("demo_phases", "behaviour phases"),
    ("demo_clients", "clients"),
    ("demo_time_entries", "time entries"),
    ("demo_invoices", "invoices"),
    ("demo_interactions_ordinary", "everyday interactions"),
    ("demo_interactions_signals", "complaints, praise and other signals"),
    ("demo_feedback", "feedback scores"),
)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")


class DemoSummary(BaseModel):
    """What `generate_demo` wrote, for the command line's one-line answer and for tests."""

    clients: int
    counts: dict[str, int]
    seed: int
    as_of: date
    seconds: float
    planted: dict[str, str]  # client_id -> situation
    db: str = ":memory:"
    reviewed: list[str] = []  # past quarters the demo owner reviewed, oldest first
    decisions: int = 0  # decisions recorded in those reviews

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        reviews = ""
        if self.reviewed:
            reviews = (
                f", with {self.decisions:,} decisions from the reviews of "
                f"{' and '.join(self.reviewed)}"
            )
        return (
            f"Demo portfolio: {self.clients:,} clients, {self.rows:,} rows "
            f"(three years to {self.as_of.isoformat()}){reviews} in {self.db} — seed {self.seed}."
        )


def _bind(name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Only the parameters the statement names: DuckDB refuses surplus named parameters."""
    wanted = set(_PARAM.findall(_COMMENT.sub("", load_query(name))))
    return {key: value for key, value in params.items() if key in wanted}


def generate_demo(
    store: Store,
    *,
    clients: int = 60,
    seed: int = 7,
    as_of: date,
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
    past_reviews: int = 0,
    settings: Settings | None = None,
) -> DemoSummary:
    """Replace the five history tables with a synthetic portfolio of three years ending at `as_of`.

    At least len(PLANTED) clients are written so that every planted situation is present. Refuses a file that holds
    an imported portfolio (or clients of unknown origin) unless `replace`, so a demo never eats real data.
    With `past_reviews`, the owner has also reviewed that many quarters before `as_of`'s (see
    `plant_past_reviews`): each costs one scoring of the portfolio.
    """
    say = progress or (lambda _message: None)
    kind = store.setting("portfolio_kind")
    if not replace and (
        kind == "imported" or (kind is None and store.rows("demo_existing_clients")[0][0] > 0)
    ):
        where = store.path or "this database"
        raise HealthTuiError(
            f"{where} holds your own imported portfolio; pass another --db for the demo, "
            "or --replace to overwrite it."
        )
    recorded = owner_entries_on_demo(store) if kind == "demo" else 0
    if recorded and not replace:
        raise HealthTuiError(
            f"{store.path or 'this database'} holds the demo with {recorded:,} "
            f"{'entry' if recorded == 1 else 'entries'} you recorded on it (notes, logged "
            "interactions, decisions...); pass another --db for the new demo, or --replace to "
            "write it over them."
        )
    n = max(int(clients), len(PLANTED))
    params: dict[str, Any] = {"seed": int(seed), "n": n, "as_of": as_of, **_WORDS}
    started = time.perf_counter()
    with store.transaction() as con:
        store.run("demo_macro_u", con=con)
        wipe_all(store, con)  # a demo replaces everything, decisions about other clients too
        for name, label in _STEPS:
            say(f"demo: writing {label}…")
            store.run(name, _bind(name, params), con=con)
        store.run("demo_drop_phase", con=con)
        store.run("demo_drop_profile", con=con)
        store.run("demo_drop_macro_u", con=con)
        store.set_setting("portfolio_kind", "demo", con=con)
        store.set_setting("demo_seed", str(seed), con=con)
        store.set_setting("demo_as_of", as_of.isoformat(), con=con)
        counts = {table: int(count) for table, count in store.rows("demo_counts", con=con)}
        reviewed, decisions = plant_past_reviews(
            store,
            as_of=as_of,
            seed=seed,
            quarters=past_reviews,
            settings=settings,
            con=con,
            say=say,
        )
        # what the demo decided itself, so entries the owner adds later can be told apart
        (_, decided) = store.row("demo_owner_entries", con=con)
        store.set_setting("demo_decided", str(decided), con=con)
    seconds = time.perf_counter() - started
    return DemoSummary(
        clients=counts["clients"],
        counts=counts,
        seed=seed,
        as_of=as_of,
        seconds=round(seconds, 3),
        planted={client_id: situation for situation, client_id in PLANTED.items()},
        db=str(store.path) if store.path else ":memory:",
        reviewed=reviewed,
        decisions=decisions,
    )
