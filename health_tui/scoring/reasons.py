"""The sentences behind a verdict: each quotes its number and, where it helps, the portfolio's.

Written once here; the app, JSON/CSV output and the report show them verbatim.
"""

from __future__ import annotations

from health_tui.scoring.measures import Measures
from health_tui.scoring.models import Archetype, Recommendation
from health_tui.scoring.verdicts import Context, band

A = Archetype


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _count(n: float, word: str, plural: str | None = None) -> str:
    n = round(n)
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def reasons(
    m: Measures, arch: Archetype, rec: Recommendation, effort: float, ctx: Context
) -> list[str]:
    f, med, s = m.facts, ctx.medians, ctx.settings
    out: list[str] = []
    if arch is A.former:
        out.append(
            f"Former client: ended on {f.ended_on}; scored for the record, never an exit candidate."
        )
    if arch is A.new:
        out.append(
            f"Client for {f.tenure_days} days: under {s.rules.min_history_days} days of history, too early to judge."
        )

    b = band(m.health, s).label
    if f.prior_quarters and f.prior_health is not None:
        avg, n = f.prior_health, f.prior_quarters
        if m.health <= avg - 10:
            out.append(
                f"Health {m.health:.0f} ({b}), down from an average of {avg:.0f} over the previous {n} quarters."
            )
        elif m.health >= avg + 10:
            out.append(
                f"Health {m.health:.0f} ({b}), up from an average of {avg:.0f} over the previous {n} quarters."
            )
        else:
            out.append(
                f"Health {m.health:.0f} ({b}), about where it was over the previous {n} quarters ({avg:.0f})."
            )
    else:
        out.append(f"Health {m.health:.0f} ({b}).")

    if f.feedback_12m is not None:
        fb_med = med.get("feedback")
        vs = f"; portfolio median {fb_med:.1f}" if fb_med is not None else ""
        out.append(f"Average feedback {f.feedback_12m:.1f}/10 over the last four quarters{vs}.")

    complaints, escalations, letters = f.complaints_q0, f.escalations_q0, f.letters_q0
    if complaints or escalations:
        bits = [
            _count(complaints, "complaint") if complaints else "",
            _count(escalations, "escalation") if escalations else "",
        ]
        text = _join(bits) + " this quarter"
        if letters:
            text += f", {_count(letters, 'by formal letter', 'by formal letter')}"
        out.append(
            text[0].upper() + text[1:] + f" (portfolio median {med.get('complaints_q', 0):.0f})."
        )
    public, staff = f.public_12m, f.staff_12m
    if public or staff:
        out.append(
            _join(
                [
                    f"{_count(public, 'complaint')} made in public" if public else "",
                    f"{_count(staff, 'complaint')} aimed at staff" if staff else "",
                ]
            ).capitalize()
            + " in the last four quarters."
        )
    urgent, after, scope_changes = f.urgent_q0, f.after_hours_q0, f.scope_changes_q0
    if urgent + after + scope_changes >= 3:
        out.append(
            _join(
                [
                    _count(urgent, "urgent request") if urgent else "",
                    _count(after, "after-hours demand") if after else "",
                    _count(scope_changes, "scope change") if scope_changes else "",
                ]
            ).capitalize()
            + f" this quarter (portfolio median {med.get('urgent_q', 0):.0f} urgent or after-hours)."
        )

    if f.hours_12m > 0:
        rev = f.revision_12m / f.hours_12m
        if rev >= 0.2 or (rev >= 2 * med.get("revision_share", 1.0) and rev >= 0.1):
            out.append(
                f"Revision hours are {_pct(rev)} of all hours; portfolio median {_pct(med.get('revision_share', 0))}."
            )
        nb = f.nonbillable_12m / f.hours_12m
        if nb >= 0.2:
            out.append(
                f"Non-billable hours are {_pct(nb)} of all hours; portfolio median {_pct(med.get('nonbillable_share', 0))}."
            )
    rr = f.revision_requests_q0
    if rr >= 3:
        out.append(f"{rr} revision requests this quarter.")

    if f.n_due_12m:
        late = f.days_late_12m / f.n_due_12m
        if late >= 10:
            out.append(
                f"Paid {late:.0f} days late on average over the last four quarters; portfolio median {med.get('days_late', 0):.0f}."
            )
    if f.unpaid_overdue > 0:
        out.append(
            f"{ctx.money(f.unpaid_overdue)} unpaid and overdue ({_count(f.n_unpaid_overdue, 'invoice')})."
        )

    if m.effective_rate is not None and ctx.target_rate:
        out.append(
            f"Effective rate {ctx.money(m.effective_rate)}/h against a target of "
            f"{ctx.money(ctx.target_rate)}/h ({_pct(m.effective_rate / ctx.target_rate)}); "
            f"effort versus return {effort:.0f}."
        )
    elif f.hours_12m == 0 and f.active and arch is not A.new:
        out.append("No hours logged in the last four quarters.")

    if arch is A.champion:
        praise, c4 = f.praise_12m, f.complaints_12m
        out.append(
            f"{_count(praise, 'praise', 'praises')} and {_count(c4, 'complaint')} in the last four quarters."
        )

    missing = [name for name, v in m.components.items() if v is None]
    if missing and len(missing) < len(m.components):
        out.append(
            f"No data for {_join(missing)}: {'its' if len(missing) == 1 else 'their'} weight went to the other components."
        )
    elif len(missing) == len(m.components):
        out.append("No engagement data in the scoring window: health is a neutral 50.")
    return out
