"""Relationship signals from what agencies really have: helpdesk tickets (Zendesk, Freshdesk) and
survey answers or a contact log through a mapping. They land on clients there are, by name or by web
domain, never make one, and a later export replaces what an earlier one brought."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.clients import ClientNotFound, add_alias, domain_of, merge_clients, set_domain
from health_tui.errors import ConfigError, ImportFailed
from health_tui.ingest.native import import_folder
from health_tui.scoring.facts import load_facts
from health_tui.settings import Settings
from health_tui.store import Store, open_store
from tests.conftest import small_copy
from tests.test_connectors import EXPORTS, ROOT, load, problems, refused, snapshot, write

SMALL = ROOT / "fixtures" / "small"
AT = datetime(2026, 1, 1)
ZENDESK_HEAD = "Id,Requester email,Subject,Tags,Priority,Via,Ticket type,Created at,Organization,Satisfaction Score\n"


@pytest.fixture
def harvest(store: Store) -> Store:
    """Northwind Outfitters, Meridian Health Partners and Our Studio, from a Harvest export."""
    load(store, EXPORTS / "harvest_time.csv")
    return store


def touches(store: Store, source: str) -> list[tuple]:
    return store.con.execute(
        'SELECT c.name, i."at", i.channel, i.kind, i.sentiment, i.note FROM interactions i '
        'JOIN clients c USING (client_id) WHERE i.source = ? ORDER BY i."at"',
        [source],
    ).fetchall()


def scores(store: Store, source: str) -> list[tuple]:
    return store.con.execute(
        'SELECT c.name, f."date", f.score, f."comment" FROM feedback f JOIN clients c USING '
        '(client_id) WHERE f.source = ? ORDER BY f."date"',
        [source],
    ).fetchall()


# --- Zendesk ------------------------------------------------------------------------------------


def test_zendesk_tickets_land_on_clients_by_organization(harvest: Store) -> None:
    summary = load(harvest, EXPORTS / "zendesk_tickets.csv")
    assert (summary.source, summary.target) == ("zendesk", "interactions")
    assert touches(harvest, "zendesk") == [
        # urgent priority (an incident too): an urgent request, after hours; rated Bad
        ("Northwind Outfitters", datetime(2025, 9, 2, 21, 14, 7), "email", "urgent_request", -1.0,
         "Checkout page shows old prices"),
        # tag 'scope': a scope change; 'Offered' is no rating
        ("Northwind Outfitters", datetime(2025, 9, 5, 10, 2, 51), "email", "scope_change", None,
         "Can we add a gift card option?"),
        ("Meridian Health Partners", datetime(2025, 9, 9, 9, 30), "email", "revision_request", 1.0,
         "Please redo the banner, again"),
        ("Meridian Health Partners", datetime(2025, 9, 12, 18, 45, 10), "phone", "escalation",
         None, "Nobody answered my last three emails"),
    ]  # fmt: skip
    assert (summary.rows, summary.clients_new, summary.clients_matched) == (4, 0, 2)
    assert summary.warnings == [
        "zendesk_tickets.csv: left out 3 interactions from organizations that are no client: "
        "'Globex Corporation' (1, line 7), 'gmail.com' (a domain) (1, line 8) and "
        "'meridianhealth.example' (a domain) (1, line 6). No client is made from them; if one is "
        'a client under another name, `health-tui clients alias CLIENT "NAME"` (or `health-tui '
        "clients domain CLIENT DOMAIN`) and import again. 'gmail.com' is a public mail domain, "
        "no one client's: a row from it counts only when the file names its client, or when the "
        "sender's address is a client's alias (`health-tui clients alias CLIENT ADDRESS`)."
    ]
    assert summary.notes == [
        "By kind: escalation 1 (1 by tag), revision_request 1 (1 by tag), scope_change 1 (1 by "
        "tag), urgent_request 1 (1 by priority); by channel: email 3, phone 1; 2 with a sentiment."
    ]
    assert harvest.con.execute("SELECT count(*) FROM clients").fetchone() == (3,)  # none made


def test_a_clients_domain_catches_tickets_without_an_organization(harvest: Store) -> None:
    set_domain(harvest, "Meridian Health Partners", "www.MeridianHealth.example", at=AT)
    summary = load(harvest, EXPORTS / "zendesk_tickets.csv")
    assert summary.rows == 5
    assert ("Meridian Health Partners", datetime(2025, 9, 15, 11, 20), "chat", "request", 1.0,
            "Portal login help") in touches(harvest, "zendesk")  # fmt: skip


def test_a_subdomain_is_its_domains_client(harvest: Store, tmp_path: Path) -> None:
    """A ticket from priya@mail.meridianhealth.example was left out of a client whose domain is
    meridianhealth.example; a client of its own at a longer domain keeps its rows."""
    set_domain(harvest, "Meridian Health Partners", "meridianhealth.example", at=AT)
    set_domain(harvest, "Northwind Outfitters", "eu.meridianhealth.example", at=AT)
    tickets = write(
        tmp_path,
        "sub.csv",
        ZENDESK_HEAD
        + "2001,priya@mail.meridianhealth.example,Login broken,incident,normal,Mail,problem,"
        "2025-09-12 10:00:00 +0200,,Good\n"
        + "2002,jo@eu.meridianhealth.example,Invoice copy,question,normal,Mail,question,"
        "2025-09-13 10:00:00 +0200,,Good\n",
    )
    load(harvest, tickets)
    assert sorted(row[:2] for row in touches(harvest, "zendesk")) == [
        ("Meridian Health Partners", datetime(2025, 9, 12, 10, 0)),
        ("Northwind Outfitters", datetime(2025, 9, 13, 10, 0)),
    ]
    # a domain anyone registers under, held by mistake, collects no other firm's tickets
    set_domain(harvest, "Meridian Health Partners", "co.uk", at=AT)
    other = write(tmp_path, "uk.csv", ZENDESK_HEAD + "2003,al@bakery.co.uk,Hello,question,normal,"
                  "Mail,question,2025-09-14 10:00:00 +0200,,Good\n")  # fmt: skip
    assert refused(harvest, other)  # nothing to load: left out, not put on Meridian


def test_a_later_ticket_export_replaces_never_doubles(harvest: Store, tmp_path: Path) -> None:
    load(harvest, EXPORTS / "zendesk_tickets.csv")
    before = snapshot(harvest)
    again = load(harvest, EXPORTS / "zendesk_tickets.csv")
    assert snapshot(harvest) == before
    assert again.already == again.rows == 4
    later = write(
        tmp_path,
        "later.csv",
        ZENDESK_HEAD
        + "1044,priya@meridianhealth.example,Nobody answered my last three emails,escalation,high,"
        "Phone call (incoming),problem,2025-09-12 18:45:10 +0200,Meridian Health Partners,Good\n",
    )
    assert load(harvest, later).already == 1
    rows = touches(harvest, "zendesk")
    assert len(rows) == 4 and rows[-1][4] == 1.0  # the rating given since replaced the ticket


def test_tickets_never_make_a_client_and_none_to_load_is_refused(store: Store) -> None:
    with pytest.raises(ImportFailed) as info:
        load(store, EXPORTS / "zendesk_tickets.csv")
    text = str(info.value)
    assert "nothing to load: every interaction was left out" in text
    assert "'Northwind Outfitters' (2, line 2)" in text
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (0,)


def test_ticket_problems_are_listed_and_nothing_changes(harvest: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD
        + ",x@northwind.example,A,,,Mail,,2025-09-01 10:00,Northwind Outfitters,\n"
        + "7,x@northwind.example,B,,,Mail,,yesterday,Northwind Outfitters,\n"
        + "7,x@northwind.example,C,,,Mail,,2025-09-02 10:00,Northwind Outfitters,\n",
    )
    before = snapshot(harvest)
    assert problems(harvest, path) == [
        "t.csv:2: Id: required (it is what identifies the ticket)",
        "t.csv:3: Created at: not a date and time (like 2025-03-31): 'yesterday'",
        "t.csv:4: Id: duplicate id '7' (first on line 3)",
    ]
    assert snapshot(harvest) == before


def test_an_unknown_channel_is_email_and_said(harvest: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD
        + "9,x@n.example,Hi,,,Carrier pigeon,,2025-09-01 10:00,Northwind Outfitters,Meh\n",
    )
    summary = load(harvest, path)
    assert touches(harvest, "zendesk")[0][2] == "email"
    assert (
        "Assumed email for 1 t.csv row whose channel is not one I know: 'Carrier pigeon' (1)."
        in summary.notes
    )
    assert (
        "1 satisfaction rating I do not know left without a sentiment: 'Meh' (1)." in summary.notes
    )


# --- Freshdesk ----------------------------------------------------------------------------------


def test_freshdesk_tickets(small: Store) -> None:
    set_domain(small, "brightline", "brightline.example", at=AT)
    summary = load(small, EXPORTS / "freshdesk_tickets.csv")
    assert (summary.source, summary.rows) == ("freshdesk", 4)
    assert touches(small, "freshdesk") == [
        ("Brightline Logistics", datetime(2025, 10, 1, 9, 12, 44), "email", "request", 1.0,
         "Invoice shows the wrong VAT number"),
        ("Brightline Logistics", datetime(2025, 10, 4, 22, 40), "phone", "escalation", -1.0,
         "Tracking page is down"),
        ("Brightline Logistics", datetime(2025, 10, 6, 11, 0), "email", "revision_request", 0.0,
         "Change the hero photo"),  # no company: the requester's domain
        ("Brightline Logistics", datetime(2025, 10, 8, 16, 30), "chat", "praise", 1.0,
         "Loved the new dashboard"),
    ]  # fmt: skip
    assert summary.warnings == [
        "freshdesk_tickets.csv: left out 1 interaction from organizations that are no client: "
        "'example.org' (a domain) (1, line 6). No client is made from them; if one is a "
        "client's, `health-tui clients domain CLIENT DOMAIN` and import again."
    ]  # no alias: a row with no organization has no name to alias


def _two_clients_with_one_domain(store: Store, tmp_path: Path) -> None:
    """Alpha (a) and Beta (b), both at shared.example."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "clients.csv").write_text(
        "client_id,name,started_on,domain\na,Alpha,2025-01-01,shared.example\n"
        "b,Beta,2025-01-01,shared.example\n"
    )
    import_folder(store, folder)


def test_a_domain_two_clients_have_is_refused(store: Store, tmp_path: Path) -> None:
    _two_clients_with_one_domain(store, tmp_path)
    path = write(
        tmp_path,
        "t.csv",
        "Ticket ID,Subject,Source,Created time,Email,Company Name\n"
        "1,Hi,Email,2025-09-01 10:00,x@shared.example,\n",
    )
    assert problems(store, path) == [
        "t.csv:2: Email: 'shared.example' is the domain of 2 clients (a, b); give it to one of "
        "them (health-tui clients domain CLIENT DOMAIN)"
    ]


def test_a_ticket_file_refused_for_its_dates_also_names_a_shared_domain(
    store: Store, tmp_path: Path
) -> None:
    # One fix-and-retry sees every fault: the shared domain is said with the dates' order.
    _two_clients_with_one_domain(store, tmp_path)
    path = write(
        tmp_path,
        "t.csv",
        "Ticket ID,Subject,Source,Created time,Email,Company Name\n"
        "1,Hi,Email,03/04/2025 10:00,x@shared.example,\n",
    )
    found = problems(store, path)
    assert len(found) == 2 and "ambiguous date '03/04/2025 10:00'" in found[0]
    assert found[1] == (
        "t.csv:2: Email: 'shared.example' is the domain of 2 clients (a, b); give it to one of "
        "them (health-tui clients domain CLIENT DOMAIN)"
    )


# --- survey answers and a contact log through a mapping -------------------------------------------


def test_typeform_answers_partial_ones_left_out(small: Store) -> None:
    mapping = EXPORTS / "typeform_nps.toml"
    summary = load(small, EXPORTS / "typeform_nps.csv", mapping=mapping)
    assert scores(small, "mapping:typeform-nps") == [
        ("Northwind Outfitters", date(2026, 9, 20), 9, "Faster replies on Fridays")
    ]
    assert summary.warnings[-2:] == [
        "typeform_nps.csv: left out 1 feedback score answered only in part (no score or no date) "
        "(line 4)",
        "typeform_nps.csv: left out 3 feedback scores from organizations that are no client: "
        "'Initech' (1, line 6), 'Meridian Health' (1, line 3; close to the client 'Meridian "
        "Health Partners') and 'brightline.example' (a domain) (1, line 5). No client is made "
        'from them; if one is a client under another name, `health-tui clients alias CLIENT "NAME"` '
        "(or `health-tui clients domain CLIENT DOMAIN`) and import again (for the first close "
        "one: `health-tui clients alias 'Meridian Health Partners' 'Meridian Health'`).",
    ]
    # the owner says who they are; the same download again replaces, never doubles
    set_domain(small, "brightline", "brightline.example", at=AT)
    add_alias(small, "meridian", "Meridian Health", at=AT)
    again = load(small, EXPORTS / "typeform_nps.csv", mapping=mapping)
    assert (again.rows, again.already) == (3, 1)
    assert [row[:3] for row in scores(small, "mapping:typeform-nps")] == [
        ("Northwind Outfitters", date(2026, 9, 20), 9),
        ("Meridian Health Partners", date(2026, 9, 21), 4),
        ("Brightline Logistics", date(2026, 9, 23), 10),
    ]
    load(small, EXPORTS / "typeform_nps.csv", mapping=mapping)
    assert small.con.execute(
        "SELECT count(*) FROM feedback WHERE source LIKE 'mapping:%'"
    ).fetchone() == (3,)


def test_google_forms_timestamps_month_first(small: Store) -> None:
    set_domain(small, "brightline", "brightline.example", at=AT)
    summary = load(
        small, EXPORTS / "google_forms_feedback.csv", mapping=EXPORTS / "google_forms_feedback.toml"
    )
    assert scores(small, "mapping:client-survey") == [
        ("Northwind Outfitters", date(2026, 9, 20), 8, "Good work on the launch"),
        ("Brightline Logistics", date(2026, 9, 21), 6, "Tracking page was down twice"),
    ]
    assert summary.warnings == [
        "google_forms_feedback.csv: left out 1 feedback score answered only in part (no score "
        "or no date) (line 4)"
    ]


def test_a_contact_log_through_a_mapping(small: Store) -> None:
    load(small, EXPORTS / "contact_log.csv", mapping=EXPORTS / "contact_log.toml")
    assert touches(small, "mapping:contact-log") == [
        ("Northwind Outfitters", datetime(2025, 10, 2, 18, 30), "phone", "request", 0.2,
         "Wants the sale banner tonight"),  # the offset is dropped: the clock time counts
        ("Meridian Health Partners", datetime(2025, 10, 4, 9, 15), "meeting", "complaint", -0.6,
         "Unhappy with the portal delays"),
        ("Fernleaf Yoga Studio", datetime(2025, 10, 6, 16, 40), "email", "praise", 0.9,
         "Loved the class pages"),
        ("Meridian Health Partners", datetime(2025, 10, 7, 21, 5), "chat", "scope_change", None,
         "New page, not in the quote"),
    ]  # fmt: skip


def test_a_contact_logs_own_tone_words_and_scale_are_read(small: Store, tmp_path: Path) -> None:
    """A hand-kept log on the -2..2 scale of `health-tui log --tone`, or with words for the mood,
    was refused ("must be between -1 and 1: '-2'") and no mapping could say what it meant."""
    sheet = write(
        tmp_path,
        "log.csv",
        "When,Customer,How,What,Mood\n2025-10-02 10:00,Northwind Outfitters,Call,Complained,-2\n"
        "2025-10-03 10:00,Northwind Outfitters,Call,Thanked us,pleased\n",
    )
    head = (EXPORTS / "contact_log.toml").read_text().replace('"Notes"', '"What"')
    head = head.replace('kind = "What happened"', 'kind = "What"').replace('note = "What"\n', "")
    refused_map = write(tmp_path, "m1.toml", head)
    assert problems(small, sheet, mapping=refused_map) == [
        "log.csv:2: Mood: must be between -1 and 1 (give the sheet's words or scale their tone "
        'under [values.sentiment], like "annoyed" = -0.5 or "-2" = -1, and a word for none as "" '
        'like "Offered" = ""): \'-2\'',
        "log.csv:3: Mood: not a number (give the sheet's words or scale their tone under "
        '[values.sentiment], like "annoyed" = -0.5 or "-2" = -1, and a word for none as "" like '
        '"Offered" = ""): \'pleased\'',
    ]
    scaled = write(tmp_path, "m2.toml", head + '\n[values.sentiment]\n"-2" = -1\n"Pleased" = 0.5\n')
    load(small, sheet, mapping=scaled)
    assert [t[4] for t in touches(small, "mapping:contact-log")] == [-1.0, 0.5]
    # one word twice in two cases ended the import in DuckDB's "Map keys must be unique"
    twice = write(
        tmp_path, "m3.toml", head + '\n[values.sentiment]\n"Pleased" = 0.5\n"pleased " = 1\n'
    )
    with pytest.raises(ConfigError, match=r"gives 'Pleased' and 'pleased ': words match in any"):
        load(small, sheet, mapping=twice)


def test_a_survey_offered_and_not_answered_is_no_tone(small: Store, tmp_path: Path) -> None:
    """A São Paulo agency's Zendesk writes "Oferecido" where a satisfaction survey was sent and not
    answered: unmapped it refused the file, and mapped to 0 (the only way) it read a 10/10
    client's health "down 17". "" says no tone, as an empty cell; Zendesk's own English words
    for it need nothing."""
    sheet = write(
        tmp_path,
        "tickets.csv",
        "When,Customer,How,What,Mood\n2025-10-02 10:00,Northwind Outfitters,Call,Complained,Ruim\n"
        "2025-10-03 10:00,Northwind Outfitters,Call,Thanked us,Oferecido\n"
        "2025-10-04 10:00,Northwind Outfitters,Call,Complained,Offered\n"
        "2025-10-05 10:00,Northwind Outfitters,Call,Thanked us,Unoffered\n",
    )
    head = (EXPORTS / "contact_log.toml").read_text().replace('"Notes"', '"What"')
    head = head.replace('kind = "What happened"', 'kind = "What"').replace('note = "What"\n', "")
    mapping = write(
        tmp_path, "m.toml", head + '\n[values.sentiment]\n"Ruim" = -1\n"Oferecido" = ""\n'
    )
    load(small, sheet, mapping=mapping)
    assert [t[4] for t in touches(small, "mapping:contact-log")] == [-1.0, None, None, None]


def test_a_line_removed_from_a_contact_log_is_said(small: Store, tmp_path: Path) -> None:
    """A sheet's rows have no id: a line typed twice and then removed, or a note corrected, left
    the old row in, counted with nothing said (the complaint twice)."""
    mapping = EXPORTS / "contact_log.toml"
    lines = (EXPORTS / "contact_log.csv").read_text(encoding="utf-8").splitlines()
    doubled = write(tmp_path, "log.csv", "\n".join([*lines[:3], lines[2], *lines[3:]]) + "\n")
    folder = touches(small, "folder")  # fixtures/small's own interactions
    load(small, doubled, mapping=mapping)
    assert len(touches(small, "mapping:contact-log")) == 5  # the complaint twice
    fixed = write(tmp_path, "log.csv", "\n".join(lines) + "\n")
    kept = load(small, fixed, mapping=mapping)
    assert kept.warnings[-1].startswith(
        "log.csv does not hold 1 interaction that earlier mapping:contact-log imports wrote for "
        "its clients (a mapped sheet is read as their whole sheet): 'Meridian Health Partners' (1). "
        "It is kept and still counted. If that is because it was edited"
    )
    # a sheet kept by hand is told how to make a fixed line replace its old self
    assert kept.warnings[-1].endswith(
        "Or, for a sheet you keep by hand, give each line an id that stays when the line is fixed "
        f"(a column named under [columns] as id in {mapping}): a fixed line then replaces its old "
        "self."
    )
    assert len(touches(small, "mapping:contact-log")) == 5  # said, never removed
    assert len(folder) > 10 and touches(small, "folder") == folder  # another source's: not said


def test_a_day_with_no_time_is_no_after_hours_demand(small: Store, tmp_path: Path) -> None:
    """A sheet that gives a date alone was read as midnight, so every complaint or request on it
    counted as out of office hours (a tester's Tuesday complaint moved a client from watch to at
    risk). A weekday with no time is not after hours; a weekend day is, where weekends count."""
    weekdays_only = Settings.model_validate({"friction": {"weekends_after_hours": False}})

    def after_hours(settings: Settings) -> int:
        facts = {f.name: f for f in load_facts(small, date(2025, 12, 31), settings)}
        return facts["Fernleaf Yoga Studio"].after_hours_q0

    before = after_hours(Settings()), after_hours(weekdays_only)
    sheet = write(
        tmp_path,
        "log.csv",
        "When,Customer,How,What happened,Mood,Notes\n"
        "2025-10-07,Fernleaf Yoga Studio,Email,Complained,-0.6,Tuesday: no time given\n"
        "2025-10-08 21:05,Fernleaf Yoga Studio,Email,Asked for,,a late request\n"
        "2025-10-11,Fernleaf Yoga Studio,Email,Asked for,,Saturday: no time given\n",
    )
    load(small, sheet, mapping=EXPORTS / "contact_log.toml")
    assert after_hours(Settings()) == before[0] + 2  # 21:05 and the Saturday
    assert after_hours(weekdays_only) == before[1] + 1  # 21:05 only


def test_mapped_kinds_and_channels_must_be_known(small: Store, tmp_path: Path) -> None:
    sheet = write(tmp_path, "s.csv", "When,Who,What\n2025-10-01 10:00,Northwind Outfitters,Rant\n")
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "interactions"\n[columns]\nat = "When"\nclient = "Who"\nkind = "What"\n'
        '[fixed]\nchannel = "fax"\n',
    )
    assert problems(small, sheet, mapping=mapping) == [
        "s.csv:2: [fixed] channel: not one of email, phone, meeting, chat, letter, sms, social "
        "(give the sheet's words their channel under [values.channel]): 'fax'",
        "s.csv:2: What: not one of request, urgent_request, revision_request, scope_change, "
        "complaint, escalation, praise, other (give the sheet's words their kind under "
        "[values.kind]): 'Rant'",
    ]


def test_a_score_out_of_range_is_refused(small: Store, tmp_path: Path) -> None:
    sheet = write(tmp_path, "s.csv", "Date,Client,NPS\n2026-09-20,Northwind Outfitters,11\n")
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "feedback"\n[columns]\ndate = "Date"\nclient = "Client"\nscore = "NPS"\n',
    )
    assert problems(small, sheet, mapping=mapping) == [
        "s.csv:2: NPS: not a whole number from 0 to 10: '11'"
    ]


def test_a_survey_on_a_scale_to_five_is_said_and_read_out_of_ten(
    small: Store, tmp_path: Path
) -> None:
    """A Lyon agency's Google Forms survey asks "1 = pas du tout, 5 = tout à fait": read as out of
    10 with no word, a champion's 5/5 read "average 5.0/10" and its health fell from 94 to 82; no
    mapping could say the scale ([values.score] is not a section)."""
    rows = "".join(
        f"2026-09-{d:02d},{name},{n}\n"
        for d, (name, n) in enumerate(
            [("Northwind Outfitters", 5), ("Northwind Outfitters", 4), ("Meridian Health Partners", 2),
             ("Meridian Health Partners", 3), ("Lumen Robotics", 5), ("Lumen Robotics", 1)], start=10,
        )
    )  # fmt: skip
    sheet = write(tmp_path, "sondage.csv", "Date,Client,Note (1 à 5)\n" + rows)
    columns = '[columns]\ndate = "Date"\nclient = "Client"\nscore = "Note (1 à 5)"\n'
    mapping = write(tmp_path, "m.toml", 'target = "feedback"\n' + columns)
    summary = load(small, sheet, mapping=mapping)
    assert (
        f"sondage.csv: all 6 scores are 5 or under, read as out of 10 (a 5 is a detractor's "
        f"score). If the survey asks 1 to 5, set score_out_of = 5 in {mapping} and import it "
        "again: 4 of 5 then reads 8."
    ) in summary.warnings
    write(tmp_path, "m.toml", 'target = "feedback"\nscore_out_of = 5\n' + columns)
    summary = load(small, sheet, mapping=mapping)
    assert not [w for w in summary.warnings if "score_out_of" in w]
    assert summary.already == 6  # the same answers, replaced
    # the lowest answer is 0 of 10 and the top 10: a 3 is 5, not a fair 6 (a Sydney firm's
    # neutral clients passed as satisfied); a 4 is 7.5, read as 8
    assert [s for (_, _, s, _) in scores(small, "mapping:sheet")] == [10, 8, 3, 5, 10, 0]
    out_of_scale = write(tmp_path, "sondage.csv", "Date,Client,Note (1 à 5)\n" + rows + (
        "2026-09-20,Northwind Outfitters,7\n"))  # fmt: skip
    assert problems(small, out_of_scale, mapping=mapping) == [
        "sondage.csv:8: Note (1 à 5): not a whole number from 1 to 5 (the mapping's "
        "score_out_of; a scale from 0: score_from = 0): '7'"
    ]
    # a 0-5 scale says so: its 0 is 0, its 5 is 10
    # a scale of 10 given as one reads as it always did, from 0 (the reviewer's find: an NPS
    # mapping's 0 was refused and its 5 read 4)
    write(tmp_path, "m.toml", 'target = "feedback"\nscore_out_of = 10\n' + columns)
    load(
        small, write(tmp_path, "sondage.csv", "Date,Client,Note (1 à 5)\n" + rows), mapping=mapping
    )
    assert [s for (_, _, s, _) in scores(small, "mapping:sheet")] == [5, 4, 2, 3, 5, 1]
    write(tmp_path, "m.toml", 'target = "feedback"\nscore_out_of = 5\nscore_from = 0\n' + columns)
    load(
        small, write(tmp_path, "sondage.csv", "Date,Client,Note (1 à 5)\n" + rows), mapping=mapping
    )
    assert [s for (_, _, s, _) in scores(small, "mapping:sheet")] == [10, 8, 4, 6, 10, 2]
    time_mapping = write(tmp_path, "t.toml", "score_out_of = 5\n" + columns)
    with pytest.raises(ConfigError, match="score_out_of: a survey's scale, for feedback"):
        load(small, sheet, mapping=time_mapping)


# --- clients domain ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "domain"),
    [
        ("acme.com", "acme.com"),
        ("www.Acme.com.", "acme.com"),
        ("https://acme.co.uk/about", "acme.co.uk"),
        ("dana@acme.com", "acme.com"),
    ],
)
def test_domain_of(typed: str, domain: str) -> None:
    assert domain_of(typed) == domain


def test_clients_domain_command(tmp_path: Path) -> None:
    db = str(tmp_path / "p.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(SMALL), "--db", db]).exit_code == 0
    out = runner.invoke(
        cli, ["clients", "domain", "Northwind Outfitters", "northwind.example", "--db", db]
    )
    assert out.exit_code == 0, out.output
    assert "Northwind Outfitters (northwind) has the domain northwind.example" in out.stdout
    listing = runner.invoke(cli, ["clients", "--db", db]).stdout
    assert "domain northwind.example" in listing
    out = runner.invoke(cli, ["clients", "domain", "meridian", "northwind.example", "--db", db])
    assert out.exit_code == 2 and "already the domain of client northwind" in out.stderr
    out = runner.invoke(cli, ["clients", "domain", "meridian", "not a domain", "--db", db])
    assert out.exit_code == 2 and "is not a web domain" in out.stderr
    out = runner.invoke(cli, ["clients", "domain", "northwind", "--clear", "--db", db])
    assert out.exit_code == 0
    assert "domain northwind.example" not in runner.invoke(cli, ["clients", "--db", db]).stdout


def test_set_domain_refuses_a_taken_domain(small: Store) -> None:
    set_domain(small, "northwind", "northwind.example", at=AT)
    with pytest.raises(ClientNotFound, match="already the domain of client northwind"):
        set_domain(small, "meridian", "northwind.example", at=AT)


def test_an_alias_cannot_be_another_clients_id(small: Store) -> None:
    """`clients alias northwind meridian` was accepted: imports then put Meridian's rows on
    Northwind, while the command line (which finds a client_id first) still meant Meridian."""
    with pytest.raises(ClientNotFound, match="'Meridian' is already the id of client meridian"):
        add_alias(small, "northwind", "Meridian", at=AT)
    assert add_alias(small, "northwind", "northwind", at=AT).client_id == "northwind"  # its own
    merge_clients(small, "northwind", "lumen", at=AT)  # lumen is now an id Northwind answers to
    with pytest.raises(ClientNotFound, match="'LUMEN' is already the id of client northwind"):
        add_alias(small, "meridian", "LUMEN", at=AT)


def test_an_alias_of_invisible_characters_only_is_refused_in_words(small: Store) -> None:
    """A zero-width space alone (no space to Python, an empty key to names) failed on the
    database's NOT NULL constraint, its message raw."""
    for alias in ("\u200b", "\u00ad \ufeff", "\u00a0"):
        with pytest.raises(ClientNotFound, match="an alias needs at least one letter or digit"):
            add_alias(small, "northwind", alias, at=AT)


def test_a_mailbox_providers_domain_is_never_one_clients(small: Store) -> None:
    """`clients domain X gmail.com` was accepted: every Gmail sender's ticket would land on X."""
    for typed in ("gmail.com", "dana@GMAIL.com", "https://www.outlook.com/"):
        with pytest.raises(ClientNotFound, match=r"is a mailbox provider's domain"):
            set_domain(small, "northwind", typed, at=AT)
    assert set_domain(small, "northwind", "northwind.example", at=AT)[1] == "northwind.example"


def test_a_folders_domain_column_refuses_a_mailbox_provider(store: Store, tmp_path: Path) -> None:
    """The folder's `domain` column took gmail.com where `clients domain` refuses it."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "clients.csv").write_text(
        "client_id,name,started_on,domain\na,Alpha,2025-01-01,alpha.example\n"
        "b,Beta,2025-01-01,GMail.com\nc,Gamma,2025-01-01,www.Outlook.com\n"
    )
    with pytest.raises(ImportFailed) as info:
        import_folder(store, folder)
    assert [str(p) for p in info.value.problems] == [
        "clients.csv:3: domain: a mailbox provider's domain (gmail.com): every ticket and survey "
        "answer from anyone writing from it would land on this client; leave it empty, or give "
        "the client's own domain",
        "clients.csv:4: domain: a mailbox provider's domain (outlook.com): every ticket and survey "
        "answer from anyone writing from it would land on this client; leave it empty, or give "
        "the client's own domain",  # as tickets are matched: without www.
    ]
    assert store.rows("client_domain_owner", {"domain": "alpha.example"}) == []  # nothing loaded


def _brightwater(store: Store, tmp_path: Path) -> None:
    """One client, Brightwater Hotels ("bw"), whose web domain is brightwater.example."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "clients.csv").write_text(
        "client_id,name,started_on,domain\nbw,Brightwater Hotels,2025-01-01,brightwater.example\n"
    )
    import_folder(store, folder)


def test_freshdesk_company_domains_place_a_ticket_with_no_company(
    store: Store, tmp_path: Path
) -> None:
    """A Freshdesk export as it comes (Company Domains, Association type, Work phone...): a ticket
    with no Company Name and a requester on a mailbox address lands on the client of the first of
    its Company Domains; the columns Freshdesk always writes are not warned about one by one."""
    _brightwater(store, tmp_path)
    path = write(
        tmp_path,
        "t.csv",
        "Ticket ID,Subject,Source,Created time,Association type,Every response status,Email,"
        "Work phone,Company Name,Company Domains\n"
        "1,Booking page down,Email,2025-09-01 10:00,,,ciara@gmail.com,,,"
        '"brightwater.example,bw-hotels.example"\n',
    )
    summary = load(store, path)
    assert summary.rows == 1 and summary.warnings == []
    assert store.con.execute("SELECT client_id FROM interactions").fetchall() == [("bw",)]


def test_a_routine_ticket_a_survey_rated_shows_in_the_timeline(
    store: Store, tmp_path: Path
) -> None:
    """A request rated "Awesome" weighs in satisfaction like praise; the timeline left it out with
    every routine request, so a satisfaction of 100 had nothing behind it on screen."""
    from health_tui.history import client_timeline

    _brightwater(store, tmp_path)
    path = write(
        tmp_path,
        "t.csv",
        "Ticket ID,Subject,Source,Type,Created time,Survey results,Email,Company Name\n"
        "1,Room photos,Email,Question,2025-09-01 10:00,Awesome,c@brightwater.example,Brightwater Hotels\n"
        "2,Invoice copy,Email,Question,2025-09-02 10:00,,c@brightwater.example,Brightwater Hotels\n",
    )
    load(store, path)
    # a client with more messages than the timeline holds: the unrated routine one is left out
    shown = [(e.kind, e.note) for e in client_timeline(store, "bw", date(2025, 9, 30), limit=1)]
    assert shown == [("request", "Room photos")]
    # a client with few messages shows every one: health standing on two messages showed none
    every = [(e.kind, e.note) for e in client_timeline(store, "bw", date(2025, 9, 30))]
    assert every == [("request", "Invoice copy"), ("request", "Room photos")]


def test_a_public_mail_domain_is_not_offered_to_clients_domain(
    small: Store, tmp_path: Path
) -> None:
    """An answer from a gmail.com address was told to try `clients domain CLIENT DOMAIN`, which
    refuses gmail.com: that advice is for a client's own domain only."""
    mapping = write(
        tmp_path,
        "delighted.toml",
        'target = "feedback"\nname = "delighted"\n[columns]\nid = "Response ID"\n'
        'client = "Company"\ndomain = "Email"\ndate = "Created At"\nscore = "Score"\n',
    )
    sheet = write(
        tmp_path,
        "delighted.csv",
        "Response ID,Email,Company,Score,Created At\n"
        "r_0,sam@gmail.com,Northwind Outfitters,9,2026-09-20T14:12:31Z\n"
        "r_1,someone@gmail.com,,6,2026-09-21T14:12:31Z\n"
        "r_2,jo@hotmail.com,,7,2026-09-22T14:12:31Z\n",
    )
    summary = load(small, sheet, mapping=mapping)
    assert summary.warnings[-1] == (
        "delighted.csv: left out 2 feedback scores from organizations that are no client: "
        "'gmail.com' (a domain) (1, line 3) and 'hotmail.com' (a domain) (1, line 4). No client "
        "is made from them. 'gmail.com' and 'hotmail.com' are public mail domains, no one client's: a "
        "row from one counts only when the file names its client, or when the sender's address is "
        "a client's alias (`health-tui clients alias CLIENT ADDRESS`)."
    )


def test_a_ticket_file_refused_for_its_values_says_too_when_it_would_load_nothing(
    store: Store, tmp_path: Path
) -> None:
    """A ticket export refused for a date, every ticket from an organization that is no client:
    fixed, it met a second refusal, 'nothing to load'. Both are said at once, with who was left
    out; the database is as it was."""
    before = snapshot(store)
    bad_date = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD
        + "7,x@globex.example,A,,,Mail,,yesterday,Globex Corporation,\n"
        + "8,x@globex.example,B,,,Mail,,2025-09-02 10:00,Globex Corporation,\n",
    )
    error = refused(store, bad_date)
    assert [str(p) for p in error.problems] == [
        "t.csv:1: (file): once the values below are fixed, nothing to load: every interaction "
        "was left out (see the reasons below); fix the export or pick another file",
        "t.csv:2: Created at: not a date and time (like 2025-03-31): 'yesterday'",
    ]
    assert (
        "left out 2 interactions from organizations that are no client: 'Globex Corporation'"
        in (str(error))
    )
    # refused for the order of its dates (the other path a refusal takes): the same
    ambiguous = write(
        tmp_path,
        "f.csv",
        "Ticket ID,Subject,Source,Created time,Email,Company Name\n"
        "1,Hi,Email,03/04/2025 10:00,x@globex.example,Globex Corporation\n",
    )
    found = problems(store, ambiguous)
    assert len(found) == 2 and found[0].startswith("f.csv:1: (file): once the values below")
    assert "ambiguous date '03/04/2025 10:00'" in found[1]
    assert snapshot(store) == before


def test_a_ticket_file_with_a_client_refused_for_a_date_says_only_the_date(
    harvest: Store, tmp_path: Path
) -> None:
    """Northwind is a client: the fixed file loads its ticket, so nothing more is said."""
    path = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD + "7,x@northwind.example,A,,,Mail,,yesterday,Northwind Outfitters,\n",
    )
    assert problems(harvest, path) == [
        "t.csv:2: Created at: not a date and time (like 2025-03-31): 'yesterday'"
    ]


def test_over_the_demo_and_with_numbers_in_doubt_it_is_said_too(
    small: Store, tmp_path: Path
) -> None:
    """Over the demo the write empties the portfolio first: a Northwind ticket would land on no
    one, whatever its values, and the file is refused for that first (it was refused for
    organizations that are no client, beside a client the owner could see in the demo, with
    advice to alias it). And a contact log whose moods mix decimal commas and points is refused
    for that alone, though a mood decides neither a row's client nor whether it is left out."""
    before = snapshot(small)
    small.set_setting("portfolio_kind", "demo")
    for name, row in [
        ("t.csv", ZENDESK_HEAD + "7,x@northwind.example,A,,,Mail,,yesterday,Northwind Outfitters,"),
        (
            "f.csv",
            "Ticket ID,Subject,Source,Created time,Email,Company Name\n"
            "1,Hi,Email,03/04/2025 10:00,x@northwind.example,Northwind Outfitters",
        ),
        ("ok.csv", ZENDESK_HEAD + "7,x@northwind.example,A,,,Mail,,2025-09-02 10:00,Northwind,"),
    ]:  # a row's value, a date order undecided, and nothing wrong
        assert problems(small, write(tmp_path, name, row + "\n")) == [
            f"{name}:1: (file): its interactions land only on clients already in the database, "
            "and this one holds the demo portfolio, which an import replaces, clients and all: "
            "none would land. Import your own clients first (a folder with clients.csv, or a "
            "time or invoice export from Harvest, Toggl or Clockify), then this file"
        ]
    small.set_setting("portfolio_kind", "imported")
    assert snapshot(small) == before
    log = write(
        tmp_path,
        "log.csv",
        "When,Customer,How,What happened,Mood,Notes\n"
        '2025-10-02 10:00,Globex,Call,Asked for,"0,5",x\n'
        "2025-10-04 09:15,Initech,Zoom,Complained,0.5,y\n",
    )
    error = refused(small, log, mapping=EXPORTS / "contact_log.toml")
    assert str(error.problems[0]).startswith("log.csv:1: (file): once the values below are fixed")
    assert "'Globex' (1, line 2) and 'Initech' (1, line 3)" in str(error)
    assert snapshot(small) == before


def test_an_alias_whose_client_a_replace_removed_names_no_one(small: Store, tmp_path: Path) -> None:
    """The owner's alias outlives a --replace that removed its client: tickets named by it were
    written for a client that no longer existed (rows no screen shows); a time export's entries
    too. A ticket is now left out; a time export brings the client back under the alias's id."""
    add_alias(small, "meridian", "Meridian Alias Co", at=datetime(2026, 9, 1))
    ticket = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD + "7,x@example.org,A,,,Mail,,2025-09-02 10:00,Meridian Alias Co,\n",
    )
    error = refused(small, ticket, replace=True)
    assert "nothing to load" in str(error) and "'Meridian Alias Co' (1, line 2)" in str(error)
    head = (EXPORTS / "harvest_time.csv").read_text(encoding="utf-8-sig").splitlines()[:2]
    entry = write(
        tmp_path, "h.csv", "\n".join([head[0], head[1].replace("Northwind Outfitters",
                                                               "Meridian Alias Co")]) + "\n"
    )  # fmt: skip
    back = load(small, entry, replace=True)  # meridian was there before the replace: not new
    assert (back.clients_new, back.clients_replaced) == (0, 1)
    orphans = (
        "SELECT count(*) FROM time_entries WHERE client_id NOT IN (SELECT client_id FROM clients)"
    )
    assert small.con.execute(orphans).fetchone() == (0,)
    # under the name it had before the replace, not the alias the file wrote (the owner's merge
    # of a project into a client renamed it to the project so)
    assert small.con.execute("SELECT client_id, name FROM clients").fetchall() == [
        ("meridian", "Meridian Health Partners")
    ]


def test_the_early_nothing_to_load_lists_the_warnings_the_later_one_would(
    store: Store, tmp_path: Path
) -> None:
    """A column the export has and the import ignores is said in the refusal for loading nothing;
    said first, with the bad date, it was not."""
    bad = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD.rstrip("\n") + ",Mood\n"
        "7,x@globex.example,A,,,Mail,,yesterday,Globex Corporation,,fine\n",
    )
    early = str(refused(store, bad))
    fixed = write(tmp_path, "t.csv", bad.read_text().replace("yesterday", "2025-09-02 10:00"))
    later = str(refused(store, fixed))
    said = [line for line in later.splitlines() if line.startswith("  ")]
    assert len(said) == 2 and all(line in early.splitlines() for line in said)


def test_a_ticket_tagged_urgent_is_an_urgent_request(harvest: Store, tmp_path: Path) -> None:
    """A rush client's tickets tagged 'urgent' with Priority High were routine requests: only the
    Urgent priority made one urgent (a PR agency's hunt). A complaint tagged urgent stays one."""
    tickets = write(
        tmp_path,
        "t.csv",
        ZENDESK_HEAD
        + "1,a@x.org,Need it tonight,urgent launch,High,Mail,,2025-09-02 21:00,Northwind Outfitters,\n"
        + "2,a@x.org,Broken again,complaint urgent,High,Mail,,2025-09-03 10:00,Northwind Outfitters,\n"
        + "3,a@x.org,Press kit,rush,Normal,Mail,,2025-09-04 10:00,Northwind Outfitters,\n",
    )
    summary = load(harvest, tickets)
    assert [t[3] for t in touches(harvest, "zendesk")] == [
        "urgent_request", "complaint", "urgent_request"
    ]  # fmt: skip
    assert "urgent_request 2 (2 by tag)" in summary.notes[0]


def test_a_senders_address_given_as_an_alias_lands_their_tickets(harvest: Store) -> None:
    """A client's contact writes from gmail.com, with no organization: `clients alias CLIENT
    ADDRESS` said imports would land on the client, and the tickets were still left out (a PR
    agency's hunt). The address is matched as the alias it is; the public domain still names no
    one."""
    before = load(harvest, EXPORTS / "zendesk_tickets.csv")
    gmail = [r for r in before.warnings if "'gmail.com'" in r]
    assert gmail, before.warnings
    line = next(
        line
        for line in (EXPORTS / "zendesk_tickets.csv").read_text().splitlines()
        if "gmail.com" in line
    )
    address = next(part for part in line.split(",") if part.endswith("@gmail.com"))
    add_alias(harvest, "Northwind Outfitters", address, at=AT)
    after = load(harvest, EXPORTS / "zendesk_tickets.csv")
    assert after.rows == before.rows + 1
    assert not [w for w in after.warnings if "'gmail.com'" in w]
    assert sum(1 for t in touches(harvest, "zendesk") if t[0] == "Northwind Outfitters") == 3


def test_a_long_refusal_names_every_word_refused_once(small: Store, tmp_path: Path) -> None:
    """A Lyon agency's contact log: 87 problems, 20 shown, and the words to give a channel or kind
    (Courrier, LinkedIn, escalade...) took one import per word to find."""
    words = ["Courrier", "LinkedIn", "Pigeon", "Texto"] * 6
    rows = "".join(
        f"2026-09-{1 + i % 28:02d} 10:00,Northwind Outfitters,{w},complaint\n"
        for i, w in enumerate(words)
    )
    sheet = write(tmp_path, "log.csv", "When,Who,How,What\n" + rows)
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "interactions"\n[columns]\nat = "When"\nclient = "Who"\nchannel = "How"\n'
        'kind = "What"\n',
    )
    with pytest.raises(ImportFailed) as refusal:
        load(small, sheet, mapping=mapping)
    said = str(refusal.value)
    assert "... and 4 more problems" in said
    # the reason whole once; the lines after it say only their value (a Bristol agency's Xero
    # list read the same two-line sentence twenty times)
    assert "log.csv:2: How: not one of email, phone" in said
    assert "\nlog.csv:3: How: as above: 'LinkedIn'\n" in said
    assert (
        "Every value refused, once each:\n  How: not one of email, phone, meeting, chat, letter, "
        "sms, social (give the sheet's words their channel under [values.channel]): 'Courrier' "
        "(6 lines), 'LinkedIn' (6 lines), 'Pigeon' (6 lines), 'Texto' (6 lines)\n"
    ) in said


def test_rows_whose_every_field_is_empty_are_read_past(small: Store, tmp_path: Path) -> None:
    """A freelancer's Google Sheet ended in three ",,,,," rows: "left out 3 interactions that name
    no client (lines 118, 119, 120)", where the README says such rows are read past."""
    sheet = write(
        tmp_path,
        "log.csv",
        "When,Who,How,What,Note\n"
        "2026-09-10 10:00,Northwind Outfitters,email,praise,Thanks!\n"
        ",,,,\n,,,,\n  , ,,,\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "interactions"\n[columns]\nat = "When"\nclient = "Who"\nchannel = "How"\n'
        'kind = "What"\nnote = "Note"\n',
    )
    summary = load(small, sheet, mapping=mapping)
    assert summary.rows == 1
    assert summary.warnings == []


def test_a_logs_time_of_day_in_a_column_of_its_own_goes_with_its_date(
    small: Store, tmp_path: Path
) -> None:
    """A Berlin studio's hand-kept log has Datum and Uhrzeit apart: "time" was not a field, and an
    urgent call at 21:30 counted as a daytime request."""
    sheet = write(
        tmp_path,
        "log.csv",
        "Datum;Uhrzeit;Kunde;Art;Kanal\n10.08.2026;21:30;Northwind Outfitters;urgent_request;phone\n"
        "11.08.2026;;Northwind Outfitters;praise;email\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "interactions"\ndate_format = "day-first"\n[columns]\nat = "Datum"\n'
        'time = "Uhrzeit"\nclient = "Kunde"\nkind = "Art"\nchannel = "Kanal"\n',
    )
    load(small, sheet, mapping=mapping)
    assert small.con.execute(
        "SELECT CAST(\"at\" AS VARCHAR) FROM interactions WHERE source = 'mapping:sheet' ORDER BY 1"
    ).fetchall() == [("2026-08-10 21:30:00",), ("2026-08-11 00:00:00",)]


def test_a_name_a_survey_mistyped_is_said_close_to_its_client(small: Store, tmp_path: Path) -> None:
    """A Denver studio's hand-kept sheet named "Cherry Creek Yogo" and "Mile Hi Realty": left out
    as no client, with nothing to say which client each meant (a tracker's close names were)."""
    sheet = write(
        tmp_path,
        "log.csv",
        "When,Who,What\n2026-09-02 10:00,Northwind Outfiters,complaint\n"
        "2026-09-03 10:00,Nobody Inc,request\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        'target = "interactions"\n[columns]\nat = "When"\nclient = "Who"\nkind = "What"\n'
        '[fixed]\nchannel = "email"\n',
    )
    with pytest.raises(ImportFailed) as refusal:  # nothing left to load: the reasons say why
        load(small, sheet, mapping=mapping)
    said = str(refusal.value)
    assert "'Northwind Outfiters' (1, line 2; close to the client 'Northwind Outfitters')" in said
    assert "'Nobody Inc' (1, line 3)" in said
    assert "`health-tui clients alias 'Northwind Outfitters' 'Northwind Outfiters'`" in said


def test_survey_answers_written_in_words_are_read_through_the_mappings_values(
    small: Store, tmp_path: Path
) -> None:
    """A Sydney firm's SurveyMonkey export wrote its answers as words ("Very satisfied"): all 79
    were refused, and [values.score] was "Extra inputs are not permitted"."""
    sheet = write(
        tmp_path,
        "csat.csv",
        "Date,Company,How satisfied are you?\n"
        "2026-09-10,Northwind Outfitters,Very satisfied\n"
        "2026-09-11,Meridian Health Partners,Neither satisfied nor dissatisfied\n"
        "2026-09-12,Lumen Robotics,4\n",
    )
    mapping = write(
        tmp_path,
        "csat.toml",
        'target = "feedback"\nscore_out_of = 5\n[columns]\ndate = "Date"\nclient = "Company"\n'
        'score = "How satisfied are you?"\n[values.score]\n"Very satisfied" = 5\n'
        '"Neither satisfied nor dissatisfied" = 3\n',
    )
    load(small, sheet, mapping=mapping)
    assert [s for (_, _, s, _) in scores(small, "mapping:sheet")] == [10, 5, 8]


def test_a_helpdesks_tags_give_a_kind_together_and_an_empty_cell_its_own(
    small: Store, tmp_path: Path
) -> None:
    """A Montréal shop's Help Scout conversations: 168 untagged ones were refused ("Tags:
    required") although the mapping said `"" = "request"`, and every combination of tags ("urgent,
    bug") had to be listed on its own. A cell of tags is the most telling kind its tags are."""
    sheet = write(
        tmp_path,
        "hs.csv",
        "Created At,Company,Tags\n"
        "2026-09-01 10:00,Northwind Outfitters,\n"
        '2026-09-02 10:00,Northwind Outfitters,"urgent, bug"\n'
        "2026-09-03 10:00,Northwind Outfitters,bug; client-vip\n"
        '2026-09-04 10:00,Northwind Outfitters,"compliment, bug, escalated"\n',
    )
    mapping = write(
        tmp_path,
        "hs.toml",
        'target = "interactions"\n[columns]\nat = "Created At"\nclient = "Company"\nkind = "Tags"\n'
        '[fixed]\nchannel = "email"\n[values.kind]\n"" = "request"\nbug = "request"\n'
        'urgent = "urgent_request"\ncompliment = "praise"\nescalated = "escalation"\n',
    )
    load(small, sheet, mapping=mapping)
    kinds = [k for (_, _, _, k, _, _) in touches(small, "mapping:sheet")]
    assert kinds == ["request", "urgent_request", "request", "escalation"]
    # a cell none of whose tags has a kind is still refused, naming it
    odd = write(
        tmp_path,
        "odd.csv",
        'Created At,Company,Tags\n2026-09-05 10:00,Northwind Outfitters,"vip, beta"\n',
    )
    assert problems(small, odd, mapping=mapping)[0].endswith("[values.kind]): 'vip, beta'")


def test_a_time_written_with_its_zone_is_read_at_the_agencys_clock(
    small: Store, tmp_path: Path
) -> None:
    """A Montréal shop's helpdesk export wrote its times in UTC ("2026-10-30T20:30:00Z"): the zone
    was dropped, a 16:30 request read as 20:30, after hours, and 44 of 204 conversations with it."""
    from datetime import datetime

    from health_tui.ingest.connector import import_path
    from health_tui.settings import Agency

    sheet = write(
        tmp_path,
        "hs.csv",
        "Created At,Company,Type\n"
        "2026-10-30T20:30:00Z,Northwind Outfitters,request\n"
        "2026-10-30T20:30:00+01:00,Northwind Outfitters,request\n"
        "2026-10-30 09:15,Northwind Outfitters,request\n",
    )
    mapping = write(
        tmp_path,
        "hs.toml",
        'target = "interactions"\n[columns]\nat = "Created At"\nclient = "Company"\nkind = "Type"\n'
        '[fixed]\nchannel = "email"\n',
    )
    summary = import_path(small, sheet, mapping=mapping, timezone="America/Toronto")
    assert [t for (_, t, _, _, _, _) in touches(small, "mapping:sheet")] == [
        datetime(2026, 10, 30, 9, 15),  # no zone: as written, the agency's clock
        datetime(2026, 10, 30, 15, 30),  # 19:30 UTC
        datetime(2026, 10, 30, 16, 30),  # 20:30 UTC, in Toronto's summer time
    ]
    assert (
        "hs.csv: 2 times written with their zone, read at the agency's clock: America/Toronto "
        "([agency] timezone)."
    ) in summary.notes
    # with no clock named, as written, and a UTC time is said (an offset of the agency's own,
    # Zendesk's +0200, is its clock: not said)
    other = open_store(small_copy(tmp_path / "other.duckdb"))
    summary = import_path(other, sheet, mapping=mapping)
    assert [t for (_, t, _, _, _, _) in touches(other, "mapping:sheet")][1:] == [
        datetime(2026, 10, 30, 20, 30),
        datetime(2026, 10, 30, 20, 30),
    ]
    other.close()
    assert any(n.startswith("hs.csv: 1 time written in UTC, read at the clock it shows: if the "
                            "agency's is another, name it under [agency] timezone") for n in summary.notes)  # fmt: skip
    with pytest.raises(
        ValueError, match="no time zone 'Montreal'; use a name like America/Toronto"
    ):
        Agency(timezone="Montreal")


def test_a_logs_kinds_and_channels_read_as_people_write_them(small: Store, tmp_path: Path) -> None:
    """An Amsterdam freelancer's sheet said "revision request" (`health-tui log --kind` takes it)
    and "call": both refused; a São Paulo agency's Zendesk tags "reclamacao urgente", apart by
    spaces as Zendesk writes them, were refused though "reclamacao" was mapped."""
    sheet = write(
        tmp_path,
        "log.csv",
        "When,Customer,How,What,Mood\n"
        "2025-10-02 10:00,Northwind Outfitters,call,revision request,\n"
        "2025-10-03 10:00,Northwind Outfitters,E-mail,reclamacao urgente,\n"
        "2025-10-04 10:00,Northwind Outfitters,Phone call,Scope-change,\n",
    )
    mapping = (
        'target = "interactions"\nname = "contact-log"\n[columns]\nat = "When"\n'
        'client = "Customer"\nchannel = "How"\nkind = "What"\nsentiment = "Mood"\n'
        '[values.kind]\n"reclamacao" = "complaint"\n'
    )
    load(small, sheet, mapping=write(tmp_path, "m.toml", mapping))
    got = [(t[2], t[3]) for t in touches(small, "mapping:contact-log")]
    assert got == [("phone", "revision_request"), ("email", "complaint"), ("phone", "scope_change")]


def test_a_log_kept_in_spanish_or_portuguese_reads_its_kinds_and_channels(
    small: Store, tmp_path: Path
) -> None:
    """A Madrid studio's log ("Teléfono", "Queja", "Elogio", "Petición de cambios", "WhatsApp")
    was refused word by word, though the time import knows Spanish words."""
    sheet = write(
        tmp_path,
        "registro.csv",
        "Fecha,Cliente,Canal,Qué pasó\n"
        "2025-10-02 10:00,Northwind Outfitters,Teléfono,Queja\n"
        "2025-10-03 10:00,Northwind Outfitters,WhatsApp,Elogio\n"
        "2025-10-04 10:00,Northwind Outfitters,Videollamada,Petición de cambios\n"
        "2025-10-05 10:00,Northwind Outfitters,Ligação,Reclamação\n",
    )
    mapping = (
        'target = "interactions"\nname = "contact-log"\n[columns]\nat = "Fecha"\n'
        'client = "Cliente"\nchannel = "Canal"\nkind = "Qué pasó"\n'
    )
    load(small, sheet, mapping=write(tmp_path, "m.toml", mapping))
    got = [(t[2], t[3]) for t in touches(small, "mapping:contact-log")]
    assert got == [("phone", "complaint"), ("chat", "praise"), ("meeting", "revision_request"),
                   ("phone", "complaint")]  # fmt: skip


def test_a_known_word_inside_a_tag_is_no_kind_and_the_mappings_words_win(
    small: Store, tmp_path: Path
) -> None:
    """The reviewer's finds: "No urgente" read as an urgent request and "Demande de résiliation"
    as a plain request, word by word (each was refused before, and should be); and "Reclamação"
    mapped to request lost to the built-in complaint when the cell wrote it without accents."""
    mapping = (
        'target = "interactions"\nname = "contact-log"\n[columns]\nat = "Fecha"\n'
        'client = "Cliente"\nchannel = "Canal"\nkind = "Qué pasó"\n'
        '[values.kind]\n"Reclamação" = "request"\n'
    )
    m = write(tmp_path, "m.toml", mapping)
    head = "Fecha,Cliente,Canal,Qué pasó\n"
    refused_sheet = write(tmp_path, "r.csv", head + "2025-10-02 10:00,Northwind Outfitters,email,No urgente\n"
                          "2025-10-03 10:00,Northwind Outfitters,email,Demande de résiliation\n")  # fmt: skip
    said = problems(small, refused_sheet, mapping=m)
    assert [p.split(":")[1] for p in said] == ["2", "3"], said
    load(small, write(tmp_path, "ok.csv", head + "2025-10-04 10:00,Northwind Outfitters,email,Reclamacao\n"),
         mapping=m)  # fmt: skip
    assert [t[3] for t in touches(small, "mapping:contact-log")] == ["request"]


def test_a_mapped_cells_tags_rank_as_a_helpdesks_do(small: Store, tmp_path: Path) -> None:
    """ "urgent, revision" read as a revision request from Zendesk's tags but as an urgent request
    from a mapped sheet: the mapping kept a ranking of its own (the re-read's find). A complaint
    tagged urgent stays a complaint either way."""
    mapping = (
        'target = "interactions"\nname = "contact-log"\n[columns]\nat = "When"\n'
        'client = "Who"\nchannel = "How"\nkind = "Tags"\n'
    )
    sheet = write(tmp_path, "tags.csv", "When,Who,How,Tags\n"
                  '2025-10-02 10:00,Northwind Outfitters,email,"urgent, revision request"\n'
                  '2025-10-03 10:00,Northwind Outfitters,email,"urgent, complaint"\n')  # fmt: skip
    load(small, sheet, mapping=write(tmp_path, "m.toml", mapping))
    assert [t[3] for t in touches(small, "mapping:contact-log")] == [
        "revision_request",
        "complaint",
    ]
