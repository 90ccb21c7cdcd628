"""A portfolio with a client near each threshold of the scoring model, for tests/test_scoring_model.py:
raising (or lowering) one setting should move one client's figure or verdict the way the README
says. Each story is written in a few lines with the builder; comments say what it is there for.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.portfolio_builder import AS_OF, Book
from tests.test_scoring_rules import Q3, ago, book, champion, problem_client
from tests.test_scoring_silence import drifter, hard_times


def model_book() -> Book:
    b = book()  # s0..s4: ordinary accounts, requests at 11:00 (office_opens)
    champion(b)  # champion thresholds, praise
    # extreme critic: complaints every quarter, fair feedback, pays 5 days late
    start = ago(730)
    b.client("critic", "Ortega & Hale Law", start)
    b.work("critic", start, AS_OF, rate=100, revision=0.12, late_days=5)
    b.feedback("critic", start, AS_OF, 7)
    b.events("critic", "complaint", start, AS_OF, per_quarter=3.5, sentiment=-0.3, note="Logo off")
    b.events("critic", "praise", start, AS_OF, per_quarter=1, sentiment=0.5)
    # loyal, now irritated: three good years, then complaints and a letter this quarter
    start = ago(3 * 365)
    b.client("loyal", "Lumen Dental Group", start)
    b.work("loyal", start, Q3 - timedelta(days=1), hours_per_day=3.5, rate=130)
    b.work("loyal", Q3, AS_OF, hours_per_day=3.5, rate=130, revision=0.25)
    b.feedback("loyal", start, Q3 - timedelta(days=1), 9)
    b.feedback("loyal", Q3, AS_OF, 4)
    b.events("loyal", "praise", start, Q3 - timedelta(days=1), per_quarter=2, sentiment=0.8)
    b.events("loyal", "complaint", Q3, AS_OF, per_quarter=2, sentiment=-0.5, note="Missed launch")
    b.events("loyal", "escalation", Q3, AS_OF, per_quarter=1, channel="letter", sentiment=-0.6)
    # cooled: the same good years, then no complaint but a satisfaction collapse
    b.client("cooled", "Bluebell Opticians", start)
    b.work("cooled", start, AS_OF, hours_per_day=2, rate=120)
    b.feedback("cooled", start, Q3 - timedelta(days=1), 9)
    b.feedback("cooled", Q3, AS_OF, 1, every_days=30)
    b.events("cooled", "praise", start, Q3 - timedelta(days=1), per_quarter=2, sentiment=0.8)
    b.events("cooled", "request", Q3, AS_OF, per_quarter=6, sentiment=-0.8, note="Fine.")
    # active hater (low satisfaction, complaining every quarter, nothing public)
    start = ago(2 * 365)
    b.client("hater", "Castell Motors", start)
    b.work("hater", start, AS_OF, hours_per_day=1.5, rate=160)
    b.feedback("hater", start, AS_OF, 1)
    b.events("hater", "complaint", start, AS_OF, per_quarter=3, sentiment=-0.9, note="Late again.")
    # active hater in public: middling satisfaction, public and staff complaints
    b.client("loud", "Westgate Motors", start)
    b.work("loud", start, AS_OF, hours_per_day=1.5, rate=160)
    b.feedback("loud", start, AS_OF, 4)
    b.events("loud", "praise", start, AS_OF, per_quarter=1, sentiment=0.4)
    b.events("loud", "complaint", start, AS_OF, per_quarter=1, channel="social", sentiment=-0.6,
             note="Avoid this agency")  # fmt: skip
    b.events("loud", "complaint", start, AS_OF, per_quarter=1, sentiment=-0.5,
             note="Your designer never listens")  # fmt: skip
    problem_client(b)  # "drain": urgent after-hours demands, late and unpaid
    # pushy: the same demands, but pays on time, some on Saturday mornings
    start = ago(540)
    b.client("pushy", "Kestrel Logistics", start)
    b.work("pushy", start, AS_OF, hours_per_day=1.8, rate=110, late_days=12)
    b.feedback("pushy", start, AS_OF, 6)
    b.events("pushy", "urgent_request", start, AS_OF, per_quarter=6, hour=22, note="Tonight please")
    b.events("pushy", "scope_change", start, AS_OF, per_quarter=3, note="Can we also do the app?")
    b.events("pushy", "complaint", start, AS_OF, per_quarter=1.5, sentiment=-0.5, note="Too slow")
    saturday = date(2026, 9, 5)
    for week in range(8):
        at = datetime.combine(saturday - timedelta(weeks=week), datetime.min.time())
        b.rows["interactions"].append(
            ["pushy", (at + timedelta(hours=11)).strftime("%Y-%m-%d %H:%M"), "phone",
             "urgent_request", -0.1, "Saturday call"]
        )  # fmt: skip
    # never satisfied: endless vague revisions
    start = ago(365)
    b.client("jane", "Jane Whitfield Publishing", start)
    b.work("jane", start, AS_OF, hours_per_day=1.5, rate=90, revision=0.5, nonbillable=0.25)
    b.feedback("jane", start, AS_OF, 4)
    b.events("jane", "revision_request", start, AS_OF, per_quarter=7, sentiment=-0.2, note="Again?")
    b.events("jane", "complaint", start, AS_OF, per_quarter=1, sentiment=-0.4)
    # under-priced: happy at half the rate; bargain: happy at 80% of it
    for cid, name, rate in (("cheap", "Fernleaf Yoga", 50), ("bargain", "Alder Bookshop", 82)):
        start = ago(900)
        b.client(cid, name, start)
        b.work(cid, start, AS_OF, hours_per_day=3, rate=rate)
        b.feedback(cid, start, AS_OF, 9)
        b.events(cid, "praise", start, AS_OF, per_quarter=2, sentiment=0.7)
    # struggling by payment: the same work, paid late for the last eight months, one complaint now
    start, patch = ago(3 * 365), ago(240)
    b.client("patch", "Quarry Lane Brewing", start)
    b.work("patch", start, patch, hours_per_day=2, rate=105)
    b.work("patch", patch + timedelta(days=1), AS_OF, hours_per_day=2, rate=105, late_days=45)
    b.feedback("patch", start, AS_OF, 8)
    b.events("patch", "request", start, AS_OF, per_quarter=4, sentiment=0.3)
    b.events("patch", "complaint", Q3, AS_OF, per_quarter=1, sentiment=-0.2, note="Slow reply")
    # struggling by volume: half the work for the last five months, paying on time
    patch = ago(150)
    b.client("shrink", "Juniper Bistro", start)
    b.work("shrink", start, patch, hours_per_day=2.5, rate=105)
    b.work("shrink", patch + timedelta(days=1), AS_OF, hours_per_day=1.2, rate=105)
    b.feedback("shrink", start, AS_OF, 8)
    b.events("shrink", "request", start, AS_OF, per_quarter=4, sentiment=0.3)
    # whale: a problem client worth a lot over three years (lifetime value counter-signal)
    problem_client(b, "whale", start=ago(3 * 365), name="Harrow Freight")
    b.rows["time_entries"] = [
        [*r[:2], r[2] * 3, *r[3:]] if r[0] == "whale" else r for r in b.rows["time_entries"]
    ]
    b.rows["invoices"] = [
        [*r[:5], r[5] * 3, *r[6:]] if r[1] == "whale" else r for r in b.rows["invoices"]
    ]
    # souring: a year of good health, then complaints, unpaid invoices and a poor rate now
    start = ago(450)
    b.client("souring", "Riverside Estates", start)
    b.work("souring", start, Q3 - timedelta(days=1), rate=55)
    b.work("souring", Q3, AS_OF, rate=55, nonbillable=0.3, unpaid_last=2)
    b.feedback("souring", start, Q3 - timedelta(days=1), 9)
    b.feedback("souring", Q3, AS_OF, 3)
    b.events("souring", "praise", start, Q3 - timedelta(days=1), per_quarter=1, sentiment=0.7)
    b.events("souring", "complaint", Q3, AS_OF, per_quarter=4, sentiment=-0.6, note="Not good")
    # meh: a middling relationship at a poor rate (reprice); sour: a poor one at a fair rate
    start = ago(800)
    b.client("meh", "Redwood Salon", start)
    b.work("meh", start, AS_OF, rate=55)
    b.feedback("meh", start, AS_OF, 5)
    b.events("meh", "complaint", start, AS_OF, per_quarter=2, sentiment=-0.3, note="Meh")
    b.events("meh", "request", start, AS_OF, per_quarter=3, sentiment=0.0)
    b.client("sour", "Greystone Roofing", start)
    b.work("sour", start, AS_OF, rate=85, late_days=35)
    b.feedback("sour", start, AS_OF, 4)
    b.events("sour", "complaint", start, AS_OF, per_quarter=3, sentiment=-0.5, note="Wrong again")
    # quiet: work, invoices and feedback, but no message on record (80% of the health weight)
    b.client("quiet", "Thornbury Wines", start)
    b.work("quiet", start, AS_OF, rate=100)
    b.feedback("quiet", start, AS_OF, 8)
    # asleep: nothing since the end of March: exactly two full quarters
    b.client("asleep", "Ironbark Builders", ago(3 * 365))
    b.work("asleep", ago(3 * 365), date(2026, 2, 27), rate=100)
    b.feedback("asleep", ago(3 * 365), date(2026, 3, 20), 8)
    b.events("asleep", "request", ago(3 * 365), date(2026, 3, 31), per_quarter=3, sentiment=0.4)
    # grower: unhappy for the first year, happy since (the trend baseline's length matters)
    start = ago(int(3.2 * 365))
    b.client("grower", "Seabright Hotel", start)
    b.work("grower", start, AS_OF, rate=100)
    b.feedback("grower", start, ago(int(1.9 * 365)), 5)
    b.feedback("grower", ago(int(1.9 * 365)), AS_OF, 9)
    b.events("grower", "request", start, AS_OF, per_quarter=3, sentiment=0.3)
    # aged: last scored 10/10 in April; messages since are cool (feedback ageing)
    b.client("aged", "Oakridge Studio", ago(700))
    b.work("aged", ago(700), AS_OF, rate=100)
    b.events("aged", "request", ago(700), AS_OF, per_quarter=6, sentiment=-0.2)
    b.rows["feedback"].append(["aged", date(2026, 4, 2), 10, ""])
    drifter(b)  # "drift": work and contact fallen well below a year earlier, no complaint
    hard_times(b)  # "hard": says the trouble is theirs (the hard-times words)
    return b
