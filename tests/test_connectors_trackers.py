"""Time trackers as they really export: Toggl's older and newer layouts, Clockify, rows with no
Client (the Project names it), hours from start and end times, and mappings with [fixed] values,
one column feeding two fields, and start/end columns."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from health_tui.cli import cli
from health_tui.clients import add_alias, merge_clients, merge_note, set_ignored
from health_tui.errors import ImportFailed
from health_tui.ingest.connector import import_path
from health_tui.scoring.measures import EffortBasis
from health_tui.store import Store, open_store
from tests.conftest import acme_folder
from tests.test_connectors import EXPORTS, HARVEST_HEADER, hours, load, problems, write


def test_each_tracker_layout_is_recognised_by_its_header(store: Store) -> None:
    found = {
        name: (load(store, EXPORTS / name).source)
        for name in (
            "toggl_detailed_new.csv",
            "toggl_project_email.csv",
            "toggl_detailed_empty_client.csv",
            "clockify_detailed.csv",
            "clockify_no_client.csv",
        )
    }
    assert found == {
        "toggl_detailed_new.csv": "toggl",
        "toggl_project_email.csv": "toggl",
        "toggl_detailed_empty_client.csv": "toggl",
        "clockify_detailed.csv": "clockify",
        "clockify_no_client.csv": "clockify",
    }


def test_newer_toggl_without_client_names_clients_by_project(store: Store, tmp_path: Path) -> None:
    summary = load(store, EXPORTS / "toggl_detailed_new.csv")
    assert [row[:4] for row in hours(store)] == [
        ("Harbor Dental website", date(2025, 9, 1), 1.5, True),
        ("Harbor Dental website", date(2025, 9, 2), 0.75, True),
        ("Harbor Dental website", date(2025, 9, 3), 2.25, True),
        ("Olive & Thyme menu", date(2025, 9, 3), 1.0, True),
    ]
    assert summary.notes[-1] == (
        "toggl_detailed_new.csv has no Client column, so the Project names the client of 4 "
        "entries: 'Harbor Dental website' (3) and 'Olive & Thyme menu' (1). To put a project's "
        'entries on a client you have, `health-tui clients merge CLIENT "PROJECT"` (later '
        "imports of it land there too; `health-tui clients ignore` one that is your own time); "
        "--client-from client leaves such entries out instead."
    )
    assert summary.warnings == [
        "toggl_detailed_new.csv: left out 1 entry with no client or project (0.50 h; line 6)"
    ]
    # the same file again: the projects are clients you have now, so no merge is suggested
    again = load(store, EXPORTS / "toggl_detailed_new.csv")
    assert again.notes[-1] == (
        "toggl_detailed_new.csv has no Client column, so the Project names the client of 4 "
        "entries: 'Harbor Dental website' (3, a client you have) and 'Olive & Thyme menu' (1, a "
        "client you have)."
    )
    # the advice works as written (it said `clients alias`, refused: the import had already made
    # the project a client of that name), and the next import of the file lands on the client
    harvest = "Date,Client,Project,Task,Notes,Hours,Billable?,First Name,Last Name\n"
    load(
        store,
        write(
            tmp_path,
            "harvest.csv",
            harvest + "2025-08-01,Harbor Dental,Care,Design,,2,Yes,Sam,Lee\n",
        ),
    )
    runner = CliRunner()
    store.close()
    said = runner.invoke(
        cli, ["clients", "merge", "Harbor Dental", "Harbor Dental website", "--db", str(store.path)]
    )
    assert said.exit_code == 0, said.output
    again = runner.invoke(
        cli, ["import", str(EXPORTS / "toggl_detailed_new.csv"), "--db", str(store.path)]
    )
    assert again.exit_code == 0, again.output
    s = open_store(store.path)
    try:
        assert [row[:3] for row in hours(s)][:4] == [
            ("Harbor Dental", date(2025, 8, 1), 2.0),
            ("Harbor Dental", date(2025, 9, 1), 1.5),
            ("Harbor Dental", date(2025, 9, 2), 0.75),
            ("Harbor Dental", date(2025, 9, 3), 2.25),
        ]
        assert len(hours(s)) == 5  # replaced, not added
    finally:
        s.close()


def test_the_same_entries_under_the_client_toggl_names_now_are_said(
    store: Store, tmp_path: Path
) -> None:
    """Entries first exported with an empty Client (a client made from their Project), then again
    once the client was named in Toggl: both sets counted, and the second import said nothing
    (found by the importing helper). It says which client holds the same work already."""
    head = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration\n"
    rows = [
        "Ana,ana@x.example,{c},Site,,Hero,Yes,2026-10-06,09:00:00,2026-10-06,12:30:00,03:30:00",
        "Ana,ana@x.example,{c},Site,,Hero 2,Yes,2026-10-07,09:00:00,2026-10-07,12:30:00,03:30:00",
    ]
    first = "".join(r.format(c="") + "\n" for r in rows)
    named = "".join(r.format(c="Acme Retail") + "\n" for r in rows)
    load(store, write(tmp_path, "a.csv", head + first))
    summary = load(store, write(tmp_path, "b.csv", head + named))
    assert summary.warnings[-1].startswith(
        "b.csv puts on its own clients entries with the day, hours, person and note of every "
        "entry earlier toggl imports wrote for 'Site' (2, 7.00 h) in these days: the same work"
    ), summary.warnings
    assert summary.warnings[-1].endswith("then import b.csv again: its entries replace the ones "
                                         "imported under the old name.")  # fmt: skip
    # as it says: merged, and the file imported again, each entry counts once
    merge_clients(store, "Acme Retail", "Site", at=datetime(2026, 10, 8))
    again = load(store, tmp_path / "b.csv")
    assert "With them went 2 entries of Acme Retail imported under the name it had before" in (
        again.line()
    )
    assert [(row[0], row[2]) for row in hours(store)] == [
        ("Acme Retail", 3.5),
        ("Acme Retail", 3.5),
    ]
    # a client not all of whose entries in those days are alike (a weekly call logged the same
    # for two clients) is not said
    fresh = open_store(None)
    extra = "Ana,ana@x.example,,Site,,Call,Yes,2026-10-07,14:00:00,2026-10-07,15:00:00,01:00:00\n"
    load(fresh, write(tmp_path, "a2.csv", head + first + extra))
    alike = load(fresh, write(tmp_path, "b2.csv", head + named))
    assert not [w for w in alike.warnings if "same work" in w], alike.warnings
    fresh.close()


def test_a_client_the_folder_renames_keeps_the_entries_an_export_names_it_by(
    store: Store, tmp_path: Path
) -> None:
    """clients.csv renamed 'Acme Ltd' to 'Acme Limited'; the same Harvest export imported again as
    every quarter still says 'Acme Ltd': it made a new client and took every entry off acme,
    unsaid, last quarter's verdicts changed with it (found by an owner's second-quarter review).
    The old name stays an alias: the export lands where it did, and the import says so."""
    harvest = write(tmp_path, "h.csv", HARVEST_HEADER + "2026-07-01,Acme Ltd,Web,Design,Hero,2,Yes,Ana,Silva\n"
                    "2026-07-02,Acme Ltd,Web,Design,Hero,3,Yes,Ana,Silva\n")  # fmt: skip
    import_path(store, acme_folder(tmp_path))
    load(store, harvest)
    renamed = acme_folder(tmp_path)
    (renamed / "clients.csv").write_text(
        "client_id,name,started_on\nacme,Acme Limited,2026-01-01\n", encoding="utf-8"
    )
    summary = import_path(store, renamed)
    assert (
        "Client acme is renamed in clients.csv; its old name 'Acme Ltd' is kept as an alias, so an "
        "export that still names it lands on this client" in " ".join(summary.notes)
    ), summary.notes
    again = load(store, harvest)
    assert again.warnings == [] and "(1 new)" not in str(again)
    assert store.con.execute(
        "SELECT client_id, sum(hours) FROM time_entries GROUP BY ALL"
    ).fetchall() == [("acme", 5)]
    assert store.con.execute("SELECT count(*) FROM clients").fetchone() == (1,)


def fernleaf_renamed(store: Store, tmp_path: Path) -> tuple[list[str], Path]:
    """Two Harvest entries of 'Fernleaf' imported; returns their lines (with a {c} for the
    client) and the same export once Harvest renamed it 'Fernleaf Ltd', not yet imported."""
    rows = [
        "2026-07-0{d},{c},Web,Design,Hero {d},2,Yes,Ana,Silva\n".format(d=d, c="{c}")
        for d in (1, 2)
    ]
    load(
        store,
        write(tmp_path, "a.csv", HARVEST_HEADER + "".join(r.format(c="Fernleaf") for r in rows)),
    )
    renamed = HARVEST_HEADER + "".join(r.format(c="Fernleaf Ltd") for r in rows)
    return rows, write(tmp_path, "b.csv", renamed)


def test_a_client_renamed_in_the_tracker_is_merged_and_its_export_counted_once(
    store: Store, tmp_path: Path
) -> None:
    """Harvest renamed 'Fernleaf' to 'Fernleaf Ltd' and the whole export came again. Harvest has
    no entry ids, so an entry's key named its client: the export came back as new entries beside
    the old, and even after the owner merged the two, importing it again kept both (310 h for
    155). An entry also keeps a key without its client (work_key): the warnings say to merge then
    import this file again, and doing so counts every hour once."""
    rows, renamed = fernleaf_renamed(store, tmp_path)
    summary = load(store, renamed)
    near = [w for w in summary.warnings if "name close to one on record" in w]
    assert len(near) == 1 and near[0].endswith(
        "the entries of 'Fernleaf' are in this file again under the new name: after the merge, "
        "import b.csv again: its entries replace the ones imported under the old name, or they "
        "count twice."
    ), summary.warnings
    same = [w for w in summary.warnings if "the same work" in w]
    assert len(same) == 1 and "a client renamed in the tracker" in same[0]
    assert same[0].endswith(
        "merge them if they are one client, then import b.csv again: its entries replace the ones "
        "imported under the old name."
    )
    done = merge_clients(store, "Fernleaf Ltd", "Fernleaf", at=datetime(2026, 10, 1))
    assert store.con.execute("SELECT sum(hours) FROM time_entries").fetchone() == (8,)  # twice
    assert merge_note(done) == (
        "2 entries from harvest-time (4.00 h) were imported under both names, Fernleaf and "
        "Fernleaf Ltd: the same work, if the tracker renamed the client, counted twice. If it "
        "did, import that export again: each then counts once."
    )
    again = load(store, renamed)
    assert again.warnings == [] and again.already == 2, again.warnings
    # the two under the old name went too, and the summary says so (4 rows became 2)
    assert (
        again.line()
        .splitlines()[0]
        .endswith(
            "2 of them were already there from an earlier import and replaced, not added. With them "
            "went 2 entries of Fernleaf Ltd imported under the name it had before in the tracker: "
            "the same work, now counted once."
        )
    ), again.line()
    assert [(row[0], row[2]) for row in hours(store)] == [("Fernleaf Ltd", 2), ("Fernleaf Ltd", 2)]
    # given as an alias before the file came again, the old rows are the file's rows: the two
    # replaced are the two already there, not two more (second pair of eyes)
    fresh = open_store(None)
    load(
        fresh,
        write(tmp_path, "a2.csv", HARVEST_HEADER + "".join(r.format(c="Fernleaf") for r in rows)),
    )
    add_alias(fresh, "Fernleaf", "Fernleaf Ltd", at=datetime(2026, 10, 1))
    aliased = load(fresh, renamed)
    assert aliased.already == 2 and aliased.renamed == {}, aliased.line()
    assert fresh.con.execute("SELECT count(*), sum(hours) FROM time_entries").fetchone() == (2, 4)
    fresh.close()
    # an entry of another client alike in all but the client is not replaced by it
    other = write(tmp_path, "c.csv", HARVEST_HEADER + rows[0].format(c="Birchwood"))
    load(store, other)
    assert [(row[0], row[2]) for row in hours(store)] == [
        ("Birchwood", 2), ("Fernleaf Ltd", 2), ("Fernleaf Ltd", 2)
    ]  # fmt: skip


def test_a_name_and_its_alias_in_one_export_after_replace_make_one_client(
    store: Store, tmp_path: Path
) -> None:
    """Two spellings merged as the import advised, then `import --replace` of the same file: both
    names led to the merged client's id and each was inserted, two rows of one id: '2 clients',
    and a merge refused as ambiguous (second pair of eyes)."""
    path = write(tmp_path, "t.csv", HARVEST_HEADER
                 + "2026-07-01,Acme Retail Inc,Web,Design,Hero,3,Yes,Ana,Silva\n"
                 + '2026-07-02,"Acme Retail, Inc.",Web,Design,Nav,2,Yes,Ana,Silva\n')  # fmt: skip
    load(store, path)
    merge_clients(store, "Acme Retail Inc", "Acme Retail, Inc.", at=datetime(2026, 7, 3))
    again = load(store, path, replace=True)
    assert store.con.execute("SELECT client_id, name FROM clients").fetchall() == [
        (
            store.con.execute("SELECT min(client_id) FROM time_entries").fetchone()[0],
            "Acme Retail Inc",
        )
    ]
    assert (again.clients_new, again.clients_replaced) == (0, 1)
    assert not [w for w in again.warnings if "close to another in this file" in w], again.warnings
    assert [(row[0], row[2]) for row in hours(store)] == [
        ("Acme Retail Inc", 3),
        ("Acme Retail Inc", 2),
    ]


def test_a_merged_client_keeps_its_name_through_replace_whatever_the_file_writes_first(
    store: Store, tmp_path: Path
) -> None:
    """A client's first months logged under a project with the Client left empty, merged into the
    client as the import advised; `import --replace` of the next export met the project's entries
    first and renamed the client to the project: the invoice sheet was then refused as "belongs to
    another client" and its complaints left out as "no client" (a freelancer's hunt). The import
    also advised the merge already made."""
    path = write(tmp_path, "t.csv", HARVEST_HEADER
                 + "2026-01-05,,Site Fondation,Design,Hero,3,Yes,Ana,Silva\n"
                 + "2026-07-02,Fondation Lac Leman,Web,Design,Nav,2,Yes,Ana,Silva\n")  # fmt: skip
    load(store, path)
    merge_clients(store, "Fondation Lac Leman", "Site Fondation", at=datetime(2026, 7, 3))
    again = load(store, path, replace=True)
    assert [tuple(r) for r in store.con.execute("SELECT name FROM clients").fetchall()] == [
        ("Fondation Lac Leman",)
    ]
    assert (again.clients_new, again.clients_replaced) == (0, 1)
    assert again.notes[-1] == (
        "t.csv left their Client empty, so the Project names the client of 1 entry: "
        "'Site Fondation' (1, a client you have)."
    )
    assert [(row[0], row[2]) for row in hours(store)] == [
        ("Fondation Lac Leman", 3),
        ("Fondation Lac Leman", 2),
    ]


def test_a_name_whose_id_a_renamed_client_holds_says_the_alias_that_finds_it(
    store: Store, tmp_path: Path
) -> None:
    """A client renamed since an export named it (as import --replace once renamed a merged
    client): the refusal said "rename that client first", and there is no command to rename one.
    It names the client and the alias that lets the import find it; that alias does."""
    line = "2026-07-02,Fondation Lac Leman,Web,Design,Nav,2,Yes,Ana,Silva\n"
    path = write(tmp_path, "t.csv", HARVEST_HEADER + line)
    load(store, path)
    (client_id,) = store.con.execute("SELECT client_id FROM clients").fetchone()
    store.con.execute("UPDATE client_rows SET name = 'Site Fondation'")
    again = write(tmp_path, "u.csv", HARVEST_HEADER + line.replace("07-02", "07-03"))
    assert problems(store, again) == [
        f"u.csv:2: Client: the client_id '{client_id}' it would get belongs to 'Site Fondation'; "
        f"if they are one client, `health-tui clients alias {client_id} 'Fondation Lac Leman'` "
        "lets imports find it (there is no command to rename a client)"
    ]
    add_alias(store, client_id, "Fondation Lac Leman", at=datetime(2026, 7, 4))
    assert load(store, again).rows == 1


def test_two_clients_merged_keep_their_identical_entries_through_an_export_of_one(
    store: Store, tmp_path: Path
) -> None:
    """Acme US and Acme UK, both still clients in Harvest, merged by the owner: the same retainer
    half hour logged for each on one day. An export of Acme US alone replaced Acme UK's by the key
    without the client, nothing said (second pair of eyes): a name with work of its own in the
    file's days is another client in the tracker, not a rename, and keeps its entries."""
    line = "2026-03-0{d},{c},Retainer,Admin,{n},{h},Yes,Ann,Lee\n"
    us = [line.format(d=2, c="Acme US", n="", h=0.5), line.format(d=3, c="Acme US", n="Ads", h=4)]
    uk = [line.format(d=2, c="Acme UK", n="", h=0.5), line.format(d=3, c="Acme UK", n="SEO", h=3)]
    everything = write(tmp_path, "all.csv", HARVEST_HEADER + "".join(us + uk))
    load(store, everything)
    done = merge_clients(store, "Acme US", "Acme UK", at=datetime(2026, 3, 5))
    assert merge_note(done) is not None and merge_note(done).startswith(  # type: ignore[union-attr]
        "1 entry from harvest-time (0.50 h) was imported under both names"
    )
    load(store, everything)
    load(store, write(tmp_path, "us.csv", HARVEST_HEADER + "".join(us)))
    assert sorted(row[2] for row in hours(store)) == [0.5, 0.5, 3, 4]


def test_a_rename_with_its_projects_renamed_is_advised_a_whole_reimport(
    store: Store, tmp_path: Path
) -> None:
    """Harvest renamed the client and its project with it: the entries' work keys differ, so a
    merge and this file again would not count them once, as the advice said (second pair of
    eyes): it says to import everything again."""
    line = "2026-01-0{d},{c},{c} website,Design,Hero {d},2,Yes,Ana,Silva\n"
    load(store, write(tmp_path, "a.csv", HARVEST_HEADER + "".join(line.format(d=d, c="Acme Retail") for d in (5, 6))))  # fmt: skip
    summary = load(store, write(tmp_path, "b.csv", HARVEST_HEADER + "".join(line.format(d=d, c="Acme Shops") for d in (5, 6))))  # fmt: skip
    same = [w for w in summary.warnings if "the same work" in w]
    assert len(same) == 1 and "then import all your data again, the first with --replace" in same[0]


def test_entries_imported_before_schema_12_are_advised_a_whole_reimport(
    store: Store, tmp_path: Path
) -> None:
    """Entries imported before the key without the client (no work_key) cannot be told by it:
    for them the advice stays to import everything again, the first with --replace."""
    _, renamed = fernleaf_renamed(store, tmp_path)
    store.con.execute("UPDATE time_entries SET work_key = NULL")  # as schema 11 left them
    summary = load(store, renamed)
    near = [w for w in summary.warnings if "name close to one on record" in w]
    assert len(near) == 1 and near[0].endswith(
        "the entries of 'Fernleaf' are in this file again under the new name: after the merge, "
        "import all your data again, the first with --replace: your import folder, if you use "
        "one, and every export (--replace empties what every import brought; what you logged in "
        "the app stays), or they count twice."
    ), summary.warnings
    same = [w for w in summary.warnings if "the same work" in w]
    assert (
        len(same) == 1
        and "merge them if they are one client, then import all your data again" in same[0]
    )


def test_an_empty_client_column_is_said_and_its_rows_kept(store: Store) -> None:
    summary = load(store, EXPORTS / "toggl_detailed_empty_client.csv")
    assert summary.rows == 4 and summary.clients_new == 2
    assert (
        "left their Client empty, so the Project names the client of 4 entries"
        in (summary.notes[-1])
    )


def test_a_harvest_entry_with_no_client_says_its_project_named_one(
    store: Store, tmp_path: Path
) -> None:
    """Harvest's internal time has an empty Client: its Project became a client without a word,
    where Toggl and Clockify said so."""
    path = write(
        tmp_path,
        "harvest.csv",
        "Date,Client,Project,Task,Notes,Hours,Billable?\n"
        "2026-07-01,Acme Ltd,Site,Design,Home,3.5,Yes\n"
        "2026-07-02,,Internal,Admin,Timesheets,1.0,No\n",
    )
    summary = load(store, path)
    assert summary.notes[-1].startswith(
        "harvest.csv left their Client empty, so the Project names the client of 1 entry: "
        "'Internal' (1)."
    )
    assert not any("Client empty" in n for n in load(store, EXPORTS / "harvest_time.csv").notes)


def test_client_from_client_leaves_such_rows_out(store: Store) -> None:
    path = EXPORTS / "toggl_detailed_empty_client.csv"
    with pytest.raises(ImportFailed, match="nothing to load") as info:
        load(store, path, client_from="client")
    assert "left out 4 entries with no client" in str(info.value)


def test_client_from_project_overrides_the_client_column(store: Store) -> None:
    summary = load(store, EXPORTS / "clockify_detailed.csv", client_from="project")
    assert {row[0] for row in hours(store)} == {"Website refresh", "Internal"}
    assert summary.notes[-1] == (
        "5 entries: the client is the Project (--client-from project): 'Website refresh' (4) and "
        "'Internal' (1)."
    )


def test_a_project_named_like_a_client_lands_on_it(store: Store, tmp_path: Path) -> None:
    load(store, EXPORTS / "clockify_detailed.csv")  # makes Juniper Legal
    sheet = write(
        tmp_path,
        "t.csv",
        "Description,Duration,Project,Start date,Start time\n"
        "Blog post,1:00:00,juniper  legal,2025-10-20,09:00:00\n",
    )
    summary = load(store, sheet)
    assert (summary.clients_new, summary.clients_matched) == (0, 1)


def test_clockify_twelve_hour_times_us_dates_and_activities(store: Store) -> None:
    summary = load(store, EXPORTS / "clockify_detailed.csv")
    rows = store.con.execute(
        "SELECT c.name, t.date, t.hours, t.billable, t.activity, t.person FROM time_entries t "
        "JOIN clients c USING (client_id) ORDER BY t.date"
    ).fetchall()
    assert rows == [
        ("Juniper Legal", date(2025, 10, 6), 2.5, True, "delivery", "Ana Silva"),
        ("Juniper Legal", date(2025, 10, 7), 0.5, True, "meeting", "Ana Silva"),
        ("Juniper Legal", date(2025, 10, 8), 0.75, True, "support", "Dev Patel"),
        ("Juniper Legal", date(2025, 10, 14), 1.25, True, "revision", "Ana Silva"),
        ("Internal", date(2025, 10, 15), 0.33, False, "admin", "Ana Silva"),
    ]
    # rate and amount columns are read past quietly; the studio's own time is said
    assert summary.warnings == [
        "clockify_detailed.csv: 1 client with hours, none of them billable, and no invoice: "
        "Internal (0.33 h). If it is the agency's own time (admin, pitches, training), mark it "
        "not a client: `health-tui clients ignore Internal` (its hours are kept, never scored)."
    ]


def test_clockify_day_first_dates_without_a_client_column(store: Store) -> None:
    load(store, EXPORTS / "clockify_no_client.csv")  # 20/10/2025: day first
    assert [row[:3] for row in hours(store)] == [
        ("Juniper Legal retainer", date(2025, 10, 20), 1.5),
        ("Juniper Legal retainer", date(2025, 10, 21), 0.5),
    ]


def test_hours_from_start_and_stop_times_when_there_is_no_duration(
    store: Store, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "t.csv",
        "Description,Project,Start date,Start time,Stop date,Stop time\n"
        "Design,Acme,2025-09-01,9:15 AM,2025-09-01,11:45 AM\n"
        "Launch,Acme,2025-09-01,11:30 PM,2025-09-02,12:30 AM\n"  # past midnight
        "Sync,Acme,2025-09-02,14:00,2025-09-02,14:20\n",
    )
    load(store, path)
    assert [row[2] for row in hours(store)] == [1.0, 2.5, pytest.approx(1 / 3)]  # by date
    bad = write(
        tmp_path,
        "b.csv",
        "Description,Project,Start date,Start time,Stop time\nX,Acme,2025-09-01,9:15,25:00\n",
    )
    assert problems(store, bad) == [
        "b.csv:2: Stop time: not a time of day (like 14:05 or 2:05 PM): '25:00'"
    ]


def test_re_importing_clockify_changes_nothing(store: Store) -> None:
    load(store, EXPORTS / "clockify_detailed.csv")
    again = load(store, EXPORTS / "clockify_detailed.csv")
    assert again.already == 5
    assert store.con.execute("SELECT count(*), sum(hours) FROM time_entries").fetchone() == (
        5,
        pytest.approx(5.33),
    )
    assert store.con.execute("SELECT DISTINCT source FROM time_entries").fetchall() == [
        ("clockify",)
    ]


# --- mappings: [fixed], one column for two fields, start and end --------------------------------


def test_a_fixed_client_for_a_summary_by_date(store: Store) -> None:
    summary = import_path(
        store,
        EXPORTS / "clockify_summary_by_date.csv",
        mapping=EXPORTS / "clockify_summary_by_date.toml",
    )
    assert [row[:4] for row in hours(store)] == [
        ("Juniper Legal", date(2025, 10, 20), 3.0, True),
        ("Juniper Legal", date(2025, 10, 21), 1.5, True),
    ]
    assert "no billable column" not in " ".join(summary.notes)  # [fixed] billable = true


def test_a_freelancer_sheet_with_start_and_end_and_one_column_for_two_fields(
    store: Store,
) -> None:
    import_path(store, EXPORTS / "freelancer_sheet.csv", mapping=EXPORTS / "freelancer_sheet.toml")
    assert hours(store) == [
        ("Northwind Outfitters", date(2025, 11, 3), 0.75, True, "meeting",
         "Call with Sam about the checkout"),
        ("Northwind Outfitters", date(2025, 11, 3), 2.5, True, "delivery", "Checkout redesign"),
        ("Northwind Outfitters", date(2025, 11, 4), 1.75, True, "delivery",
         "Launch night fixes"),
    ]  # fmt: skip


def test_a_timestamp_column_feeds_the_date_and_the_start(store: Store, tmp_path: Path) -> None:
    sheet = write(
        tmp_path,
        "s.csv",
        "Started,Ended,Client\n2025-11-03 09:00,2025-11-03 10:30,Acme\n"
        "2025-11-03T13:00:00Z,2025-11-03T13:45:00Z,Acme\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        '[columns]\nclient = "Client"\ndate = "Started"\nstart = "Started"\nend = "Ended"\n',
    )
    import_path(store, sheet, mapping=mapping)
    assert [row[1:3] for row in hours(store)] == [
        (date(2025, 11, 3), 0.75),
        (date(2025, 11, 3), 1.5),
    ]


def test_a_problem_in_a_fixed_value_names_it(store: Store, tmp_path: Path) -> None:
    sheet = write(tmp_path, "s.csv", "Day,Hours\n2025-11-03,2\n")
    mapping = write(
        tmp_path,
        "m.toml",
        '[columns]\ndate = "Day"\nhours = "Hours"\n[fixed]\nclient = "Acme"\nbillable = "maybe"\n',
    )
    with pytest.raises(ImportFailed) as info:
        import_path(store, sheet, mapping=mapping)
    assert [str(p) for p in info.value.problems] == [
        "s.csv:2: [fixed] billable: not yes/no: 'maybe'"
    ]


def test_client_from_is_for_time_exports(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    out = CliRunner().invoke(
        cli,
        ["import", str(EXPORTS / "harvest_invoices.csv"), "--db", str(db),
         "--client-from", "project"],
    )  # fmt: skip
    assert out.exit_code == 2
    assert "--client-from is for time exports" in out.stderr
    usd = tmp_path / "usd.toml"
    usd.write_text('[money]\ncurrency = "USD"\n')  # the report's amounts are in USD
    out = CliRunner().invoke(
        cli,
        ["import", str(EXPORTS / "clockify_detailed.csv"), "--db", str(db),
         "--client-from", "project", "--config", str(usd)],
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "(--client-from project)" in out.stdout


# --- amounts titled with their currency -----------------------------------------------------------


def _amounts(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT client_id, billable_amount::DOUBLE, cost_amount::DOUBLE, amount_currency "
        "FROM time_entries ORDER BY ALL"
    ).fetchall()


def test_toggls_amount_is_the_entries_billable_amount_in_its_titles_currency(
    store: Store,
) -> None:
    """Toggl's 'Amount (EUR)' was read past: a portfolio of Toggl time had no revenue at all, and
    effort versus return could not be weighed, though every entry said what it was worth."""
    summary = load(store, EXPORTS / "toggl_detailed.csv")
    rows = _amounts(store)
    assert [r[1] for r in rows] == [0.0, 660.0, 150.0, 420.0]
    assert {r[2] for r in rows} == {None} and {r[3] for r in rows} == {"EUR"}
    assert (
        "toggl_detailed.csv: Amount (EUR) (3 billable entries, 10.75 h) estimates revenue where no "
        "invoice exists in the last four quarters." in summary.notes  # not the standup's 0.00
    )


def test_clockifys_billable_and_cost_amounts_are_read_in_usd(store: Store) -> None:
    load(store, EXPORTS / "clockify_detailed.csv")  # MONEY has a USD rate
    rows = _amounts(store)
    assert {r[3] for r in rows} == {"USD"}
    juniper = [r[1] for r in rows if r[0].startswith("juniper-legal")]
    assert juniper == [55.0, 82.5, 137.5, 275.0]  # 'Billable Amount (USD)', line by line


def test_a_title_that_names_no_currency_or_two_currencies(store: Store, tmp_path: Path) -> None:
    head = "Client,Start date,Duration,Amount (Euros)\nAcme,2025-09-01,1:00:00,100\n"
    summary = load(store, write(tmp_path, "t.csv", head))
    assert "t.csv: ignoring column 'Amount (Euros)': 'EUROS' is not a currency code" in (
        summary.warnings
    )
    assert _amounts(store) == [(_amounts(store)[0][0], None, None, None)]
    two = (
        "Client,Start Date,Duration (h),Billable Amount (USD),Cost Amount (EUR)\n"
        "Acme,2025-09-01,1:00:00,100,50\n"
    )
    assert problems(store, write(tmp_path, "c.csv", two)) == [
        "c.csv:1: Cost Amount (EUR): amounts in EUR beside amounts in USD: export the report in "
        "one currency"
    ]
    toggl_two = (
        "Client,Start date,Duration,Amount (EUR),Amount (USD)\nAcme,2025-09-01,1:00:00,1,1\n"
    )
    assert problems(store, write(tmp_path, "t2.csv", toggl_two)) == [
        "t2.csv:1: Amount (USD): amounts in USD beside amounts in EUR: export the report in "
        "one currency"
    ]
    bare = load(
        store,
        write(tmp_path, "t3.csv", "Client,Start date,Duration,Amount\nAcme,2025-09-02,1:00:00,5\n"),
    )
    assert any("Amount has no currency in its title" in n for n in bare.notes)
    euro = load(
        store,
        write(
            tmp_path, "t4.csv", "Client,Start date,Duration,Amount (€)\nAcme,2025-09-03,1:00:00,5\n"
        ),
    )
    assert [w for w in euro.warnings if "Amount" in w] == [
        "t4.csv: ignoring column 'Amount (€)': '€' is not a currency code"
    ]  # said once


def test_billable_entries_without_an_amount_are_said_with_their_clients(
    store: Store, tmp_path: Path
) -> None:
    """Amounts on some billable entries only: the import says which clients' revenue those amounts
    will not estimate (a non-billable entry's 0 is no gap)."""
    head = "Client,Start date,Duration,Billable,Amount (EUR)\n"
    rows = [
        "Acme,2025-09-01,3:00:00,Yes,300",
        "Acme,2025-09-02,3:00:00,Yes,",
        "Acme,2025-09-03,2:00:00,Yes,0",
        "Beacon,2025-09-01,2:00:00,Yes,220",
        "Beacon,2025-09-02,0:30:00,No,0",
    ]
    summary = load(store, write(tmp_path, "t.csv", head + "\n".join(rows) + "\n"))
    assert (
        "2 entries (5.00 h) are billable with no Amount (EUR) (or one of 0: no rate set in the "
        "time tracker), for Acme: a client with no invoice in the last four quarters has its "
        "revenue estimated from the amounts only where every billable hour has one."
        in summary.notes
    )


def test_an_export_without_amounts_says_whose_estimate_it_ends(
    store: Store, tmp_path: Path
) -> None:
    """Harvest time with amounts, then a Toggl export without an Amount column for the same
    client: its revenue estimate silently went (the score said why, after the fact)."""
    load(store, EXPORTS / "harvest_time.csv")
    toggl = "Client,Start date,Duration,Billable\nNorthwind Outfitters,2025-09-01,2:00:00,Yes\n"
    summary = load(store, write(tmp_path, "t.csv", toggl))
    said = [n for n in summary.notes if n.startswith("t.csv has no billable amounts")]
    assert said == [
        "t.csv has no billable amounts, and the time of Northwind Outfitters already on record "
        "has some: their billable hours here have none, so where they have no invoice in the last "
        "four quarters their revenue is no longer estimated from the amounts."
    ]
    again = load(store, write(tmp_path, "t.csv", toggl))  # its own rows replaced: the same note
    assert said[0] in again.notes


def test_an_export_with_no_rate_set_estimates_nothing_and_says_so(
    store: Store, tmp_path: Path
) -> None:
    head = "Client,Start date,Duration,Billable,Amount (EUR)\n"
    rows = "Acme,2025-09-01,3:00:00,Yes,0.00\nAcme,2025-09-02,1:00:00,No,0.00\n"
    summary = load(store, write(tmp_path, "t.csv", head + rows))
    assert (
        "t.csv: Amount (EUR) is 0 or empty on every billable entry: it estimates no revenue."
        in summary.notes
    )
    assert any(
        n.startswith("1 entry (3.00 h) is billable with no Amount (EUR)") for n in summary.notes
    )


def _clockify_24_hour(tmp_path: Path) -> Path:
    """The bundled Clockify report (month first, 12-hour clock) as a colleague's Clockify saves it:
    day first, 24-hour clock."""
    import csv
    import io
    from datetime import datetime

    rows = list(csv.reader(io.StringIO((EXPORTS / "clockify_detailed.csv").read_text())))
    head = rows[0]
    for row in rows[1:]:
        for col in ("Start Date", "End Date"):
            i = head.index(col)
            row[i] = datetime.strptime(row[i], "%m/%d/%Y").strftime("%d/%m/%Y")
        for col in ("Start Time", "End Time"):
            i = head.index(col)
            row[i] = datetime.strptime(row[i], "%I:%M:%S %p").strftime("%H:%M:%S")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return write(tmp_path, "clockify_24h.csv", out.getvalue())


def test_the_same_report_on_a_24_hour_clock_is_the_same_entries(
    store: Store, tmp_path: Path
) -> None:
    """Saved again by someone whose Clockify shows a 24-hour clock, the report's entries replace
    themselves: they were added a second time (hours doubled, rates halved), as the start time
    was part of an entry's identity as written ('09:15:00 AM' against '09:15:00')."""
    first = load(store, EXPORTS / "clockify_detailed.csv")
    before = hours(store)
    again = load(store, _clockify_24_hour(tmp_path))
    assert again.already == again.rows == first.rows
    assert hours(store) == before
    # nothing said to be missing from the file either (the studio's own time is said again)
    assert [w for w in again.warnings if "none of them billable" not in w] == []


@pytest.mark.parametrize("clock", ["12-hour", "24-hour"])
def test_entries_keyed_by_an_earlier_version_are_still_replaced(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: str
) -> None:
    """Entries imported before start times were read as times are keyed by the time as written
    ('09:15:00 AM'); importing the report again, on either clock, replaces them rather than adding
    them (from the 24-hour one they were doubled, hours and billable amounts alike)."""
    from health_tui.ingest import connector

    install = connector.install_macros

    def as_before(store: Store, con, names) -> None:  # the start time as written, as before
        install(store, con, names)
        con.execute("CREATE OR REPLACE TEMP MACRO connector_clock_text(v) AS NULL::VARCHAR")
        con.execute("CREATE OR REPLACE TEMP MACRO connector_clock_12h(v) AS []::VARCHAR[]")

    monkeypatch.setattr(connector, "install_macros", as_before)
    first = load(store, EXPORTS / "clockify_detailed.csv")
    before = hours(store)
    monkeypatch.setattr(connector, "install_macros", install)
    path = EXPORTS / "clockify_detailed.csv" if clock == "12-hour" else _clockify_24_hour(tmp_path)
    again = load(store, path)
    assert again.already == again.rows == first.rows
    assert hours(store) == before
    # nothing said to be missing, nor priced elsewhere (the studio's own time is said again)
    assert [w for w in again.warnings if "none of them billable" not in w] == []


def test_toggls_newer_billable_amount_is_read_with_its_currency(
    store: Store, tmp_path: Path
) -> None:
    """Toggl's newer layout writes 'Billable amount' beside 'Currency', or 'Billable amount (USD)':
    both were 'ignoring unknown column', and a Toggl-only portfolio lost its revenue estimates."""
    member = write(
        tmp_path,
        "toggl_new_member.csv",
        "Description,Billable,Duration,Member,Email,Project,Client,Task,Tags,Start date,"
        "Start time,Stop date,Stop time,Billable rate,Billable amount,Currency\n"
        "Hero,Yes,1:05:00,Ana Silva,ana@studio.example,Spring site,Lindqvist Bikes,,,"
        "13/04/2026,09:00:00,13/04/2026,10:05:00,120.00,130.00,EUR\n"
        "Menu page,Yes,2:00:00,Dev Patel,dev@studio.example,Menu,Blue Fig Kitchen,,,"
        "02/05/2026,10:00:00,02/05/2026,12:00:00,100.00,200.00,USD\n",
    )
    summary = load(store, member)
    assert summary.warnings == []  # no 'ignoring unknown column' for the amount or its rate
    assert sorted(r[1:] for r in _amounts(store)) == [(130.0, None, "EUR"), (200.0, None, "USD")]
    assert (
        "toggl_new_member.csv: Billable amount (2 billable entries, 3.08 h) estimates revenue "
        "where no invoice exists in the last four quarters." in summary.notes
    )
    titled = write(
        tmp_path,
        "titled.csv",
        "Member,Client,Start date,Duration,Billable rate (USD),Billable amount (USD)\n"
        "Ana Silva,Acme,2026-04-14,1:00:00,120.00,120.00\n",
    )
    summary = load(store, titled)
    assert summary.warnings == []
    assert [r[1:] for r in _amounts(store) if r[0].startswith("acme")] == [(120.0, None, "USD")]
    bare = load(
        store,
        write(
            tmp_path,
            "bare.csv",
            "Client,Start date,Duration,Billable amount\nZed,2026-04-15,1:00:00,5\n",
        ),
    )
    assert (
        "bare.csv: 'Billable amount' has no Currency column beside it: read past (with one, or "
        "titled like 'Billable amount (EUR)', it would be read)." in bare.notes
    )
    assert [r[1:] for r in _amounts(store) if r[0].startswith("zed")] == [(None, None, None)]


def test_the_advice_for_missing_revenue_names_toggl_columns_that_are_read() -> None:
    """It said to import "Toggl's Amount", the one Toggl column that is read past (no currency)."""
    basis = EffortBasis(revenue=False, hours=True, paired=False, window_start=date(2025, 1, 1))
    assert "Toggl's Amount)" not in basis.what_is_missing
    assert basis.what_is_missing.endswith(
        "(Harvest's Billable Amount; Toggl's Amount (EUR), or Billable amount beside a Currency "
        "column; Clockify's Billable Amount (USD))"
    )


@pytest.mark.parametrize(
    ("name", "text", "report"),
    [
        (
            "toggl_summary.csv",
            "Project,Client,Description,Duration\n"
            "Spring site,Lindqvist Bikes,Homepage hero options,01:05:00\n",
            "Summary",
        ),
        (
            "toggl_weekly.csv",
            "Project,Client,04/13/2026,04/14/2026,04/15/2026,Total\n"
            "Spring site,Lindqvist Bikes,1:05:00,0:45:00,,1:50:00\n",
            "Weekly",
        ),
    ],
)
def test_toggls_summary_and_weekly_reports_are_named(
    store: Store, tmp_path: Path, name: str, text: str, report: str
) -> None:
    """They were 'not an export health-tui knows' (or, with --source toggl, 'Start date: missing
    column'): the owner was not told that Toggl's Detailed report is the one to export."""
    path = write(tmp_path, name, text)
    said = [
        f"{name}:1: (file): this is Toggl's {report} report, which has no dates per entry: "
        "export the Detailed report instead (Reports › Detailed › Export › Download CSV)"
    ]
    assert problems(store, path) == said
    assert problems(store, path, source="toggl") == said


def test_the_agencys_own_time_under_a_client_of_its_own_is_said(
    store: Store, tmp_path: Path
) -> None:
    """Harvest's "Our Agency" client (admin, nothing billable) was scored as a new client and told
    to import its invoices (thin-data hunt; domain: internal time is not a client). The import
    says so with the command that marks it not a client; once marked, it is not said again."""
    path = write(tmp_path, "h.csv", HARVEST_HEADER
                 + "2026-07-01,Our Agency,Internal,Admin,Timesheets,2,No,Ana,Silva\n"
                 + "2026-07-02,Our Agency,Internal,Admin,Planning,1.5,No,Ana,Silva\n"
                 + "2026-07-02,Birchwood,Web,Design,Hero,3,Yes,Ana,Silva\n"
                 + "2026-07-03,Quiet Pitch,Pitch,Design,Deck,1,No,Ana,Silva\n")  # fmt: skip
    summary = load(store, path)
    own = [w for w in summary.warnings if "none of them billable" in w]
    assert own == [
        "h.csv: 2 clients with hours, none of them billable, and no invoice: Our Agency (3.50 h) "
        "and Quiet Pitch (1.00 h). If one is the agency's own time (admin, pitches, training), "
        "mark it not a client: `health-tui clients ignore CLIENT` (its hours are kept, never "
        "scored)."
    ], summary.warnings
    set_ignored(store, "Our Agency", True, at=datetime(2026, 7, 4))
    again = load(store, path)
    assert [w for w in again.warnings if "none of them billable" in w] == [
        "h.csv: 1 client with hours, none of them billable, and no invoice: Quiet Pitch (1.00 h). "
        "If it is the agency's own time (admin, pitches, training), mark it not a client: "
        "`health-tui clients ignore 'Quiet Pitch'` (its hours are kept, never scored)."
    ]
    # a tracker the agency marks nothing billable in: every client would be named (second pair
    # of eyes), so none is
    fresh = open_store(None)
    unmarked = load(fresh, write(tmp_path, "free.csv", path.read_text().replace(",Yes,", ",No,")))
    assert not [w for w in unmarked.warnings if "none of them billable" in w], unmarked.warnings
    fresh.close()


def test_clockify_in_german_is_clockify(store: Store, tmp_path: Path) -> None:
    """A Berlin studio's Clockify detailed report, its interface in German, was "not an export
    health-tui knows", even with --source clockify; its rework ("Korrektur") read as delivery."""
    head = (
        "\ufeffProjekt;Kunde;Beschreibung;Aufgabe;Benutzer;E-Mail;Tags;Abrechenbar;Startdatum;"
        "Startzeit;Enddatum;Endzeit;Dauer (h);Dauer (dezimal);Abrechenbarer Betrag (EUR)\r\n"
    )
    rows = (
        "Messestand;Müller & Söhne GmbH;Feinschliff;Korrektur;Tobias;t@x.de;;Ja;01.04.2026;"
        "08:15:00;01.04.2026;09:00:00;00:45:00;0,75;71,25\r\n"
        "Messestand;Müller & Söhne GmbH;;Kundentermin;Tobias;t@x.de;;Nein;22.04.2026;"
        "10:00:00;22.04.2026;11:30:00;01:30:00;1,50;0,00\r\n"
    )
    path = tmp_path / "clockify_detailliert.csv"
    path.write_bytes((head + rows).encode("utf-8"))
    summary = import_path(store, path)
    assert summary.source == "clockify"
    assert store.con.execute(
        "SELECT hours, billable, activity, billable_amount::DOUBLE FROM time_entries ORDER BY date"
    ).fetchall() == [(0.75, True, "revision", 71.25), (1.5, False, "meeting", 0.0)]


@pytest.mark.parametrize(
    "header",
    [
        "Projeto,Cliente,Descrição,Tarefa,Usuário,Grupo,E-mail,Tags,Faturável,Data de início,"
        "Hora de início,Data de término,Hora de término,Duração (h),Duração (decimal),"
        "Taxa faturável (BRL),Valor faturável (BRL)",
        "Proyecto,Cliente,Descripción,Tarea,Usuario,Grupo,E-mail,Etiquetas,Facturable,"
        "Fecha de inicio,Hora de inicio,Fecha de finalización,Hora de finalización,Duración (h),"
        "Duración (decimal),Tarifa facturable (BRL),Importe facturable (BRL)",
    ],
)
def test_clockify_in_portuguese_or_spanish_is_known_by_its_header(
    store: Store, tmp_path: Path, header: str
) -> None:
    """A São Paulo agency's Clockify in Portuguese was "not an export health-tui knows", and
    `--source clockify` said "missing column 'Start Date'"; a Madrid studio's in Spanish too."""
    from health_tui.settings import Money

    row = ("Site,Padaria,Layout,Revisão de layout,Rafael,Equipe,r@x.br,,Sim,13/07/2026,09:00:00,"
           "13/07/2026,10:30:00,01:30:00,1.50,100.00,150.00\n")  # fmt: skip
    sheet = write(tmp_path, "relatorio.csv", header + "\n" + row)
    summary = load(store, sheet, money=Money(currency="BRL"))
    assert summary.source == "clockify"
    assert store.con.execute(
        "SELECT hours, billable, activity, billable_amount, amount_currency FROM time_entries"
    ).fetchall() == [(Decimal("1.50"), True, "revision", Decimal("150.00"), "BRL")]
