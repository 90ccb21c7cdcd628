"""What `?` explains besides the keys: each screen's own legend, and a glossary of the words used.

Plain data, keyed by screen class name, so a screen needs no code to get its legend. The words follow
the README (archetypes, recommendations) and domain.md (what each recommendation asks of the owner).
"""

from __future__ import annotations

from health_tui.scoring.models import Archetype, Recommendation

Rows = tuple[tuple[str, str], ...]

_PORTFOLIO: Rows = (
    ("✖", "exit candidate"),
    ("Health", "0-100, coloured by band: healthy, watch, at risk, critical; — = not enough data"),
    ("Trend", "health over the last five quarters, oldest first (· = not enough data)"),
    ("E/R", "effort versus return, 0-100: higher means the work pays; — = not enough data"),
    ("Rate", "revenue per hour actually spent, last four quarters"),
    ("~", "before a rate or Rev 12m: estimated from billable amounts, no invoice on record"),
    ("Decision", "yours for the quarter (r reviews); exit 4/10 = checklist steps settled"),
    ("narrow", "LTV, Rev 12m, Rate, Trend, E/R, then Archetype make way as the window narrows"),
    ("sort", "▲ / ▼ beside the sorted column's title; click a title to sort by it"),
    ("mouse", "click a row to select it, again to open it"),
)

_REVIEW: Rows = (
    ("order", "exit candidates first, then critical and at-risk clients, lowest health first"),
    ("Suggested", "the scoring's recommendation; the decision is yours, with a note"),
    ("k p v l u", "keep, reprice, recover, listen, support (x exit asks first, d defers)"),
    ("↓ ↑", "scroll the reasons (j and k are not scroll keys here: k is Keep)"),
    ("exit n/10", "exit checklist steps settled; e opens it, E lists every exit under way"),
)

_CLIENT: Rows = (
    ("Why", "the reasons behind the verdict, with the portfolio's medians to compare"),
    ("moves", "what moved health since last quarter, component by component"),
    ("you", "in the timeline: what you logged (enter edits it, delete removes it)"),
)

_CHECKLIST: Rows = (
    ("☐ ☑ –", "to do, done, not applicable; each change is saved before it shows"),
    ("unpaid", "in the portfolio's currency; not applicable on the final invoice asks first"),
    ("n b", "the next / previous client leaving (from the list the checklist was opened from)"),
)

_EXITS: Rows = (
    ("Steps", "checklist steps settled (done or not applicable) out of ten"),
    (
        "Earliest end",
        "the first working day after the notice period, counted from the day the client is "
        "told (today, until the 'tell' step is done)",
    ),
    ("Unpaid", "what the client still owes, converted; red when some is overdue"),
    ("shown", "this quarter's exits, and earlier ones until every step is settled"),
)

_MAP: Rows = (
    ("across", "effort versus return, 0-100: further right pays better"),
    ("up", "health, 0-100"),
    ("cells", "● one client, 2-9 a count, ▒ 10 or more, █ 50 or more"),
)

LEGENDS: dict[str, tuple[str, Rows]] = {
    "PortfolioScreen": ("Columns", _PORTFOLIO),
    "ReviewScreen": ("The review", _REVIEW),
    "ClientScreen": ("The client", _CLIENT),
    "ChecklistScreen": ("The checklist", _CHECKLIST),
    "ExitsScreen": ("Exits in progress", _EXITS),
    "MapScreen": ("The map", _MAP),
}

RECOMMENDATIONS: dict[Recommendation, str] = {
    Recommendation.keep: "a client worth holding on to: nothing to change",
    Recommendation.reprice: "the work does not pay: a pricing and scope conversation, not an exit",
    Recommendation.recover: "a relationship worth saving is slipping: reach out, service recovery",
    Recommendation.listen: "complaints to hear out: check each, fix what is true, let the rest go",
    Recommendation.support: "a good client in hard times of their own: go the extra mile",
    Recommendation.watch: "nothing to act on yet: health in the watch band, an active hater who "
    "does not cost yet, or too new, dormant, former or too little data; look again next quarter",
    Recommendation.exit: "poor health and poor effort versus return, nothing outweighing them",
}

ARCHETYPES: dict[Archetype, str] = {
    Archetype.champion: "always satisfied: hold on, treat a rare complaint as a crack",
    Archetype.steady: "health and satisfaction hold, and nothing stands out either way",
    Archetype.no_pattern: "health or satisfaction is poor and none of these kinds fits: look "
    "for the root problem",
    Archetype.not_known: "not known: too little on record to say what kind of client they are "
    "(the filter finds them as 'not known')",
    Archetype.extreme_critic: "notices every mistake without disliking you",
    Archetype.loyal_now_irritated: "long satisfied, now questioning the relationship",
    Archetype.active_hater: "dislikes you whatever you do",
    Archetype.problem_client: "urgent demands, scope changes, calls after hours, late money: drains "
    "energy",
    Archetype.never_satisfied: "endless revisions, satisfaction low",
    Archetype.underpriced: "happy, but paying too little for the time it takes",
    Archetype.struggling: "in hard times of their own: late payments, less work, still courteous",
    Archetype.drifting: "work and contact well below a year ago, no complaint: silence",
    Archetype.dormant: "no work, invoice or contact for two quarters",
    Archetype.new: "under 90 days: too early to judge",
    Archetype.former: "ended: scored for the record",
}

TERMS: Rows = (
    (
        "Rev 12m",
        "revenue invoiced in the last four quarters: this one so far and the three before, "
        "twelve months at a quarter's end and fewer within one (Rev 11m on 30 November)",
    ),
    ("LTV", "lifetime value: all revenue from the client since they started"),
    (
        "E/R",
        "effort versus return, 0-100: revenue against all hours spent, billable or not (a new "
        "client's time not billed yet apart); "
        "clients with not enough data for it or for health are left off the map",
    ),
    (
        "Rate",
        "effective rate: revenue per hour actually spent (a new client's time not billed yet "
        "apart; the target is in the settings)",
    ),
    ("referrals", "referral value: the lifetime value of the clients they brought you"),
)
