"""Any CSV through a mapping file: the model's checks, the sheet's own words, and the documented
example reading the hand-kept fixture sheet it describes."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from health_tui.errors import ConfigError, ImportFailed
from health_tui.ingest.connector import import_path
from health_tui.ingest.mapping import EXAMPLE, EXAMPLES, Mapping, load_mapping
from health_tui.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "fixtures" / "exports"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def entries(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT c.name, t.date, t.hours, t.billable, t.activity, t.note FROM time_entries t "
        "JOIN clients c USING (client_id) ORDER BY t.date, c.name"
    ).fetchall()


def test_the_hand_kept_timesheet(store: Store) -> None:
    summary = import_path(store, EXPORTS / "timesheet.csv", mapping=EXPORTS / "timesheet.toml")
    assert entries(store) == [
        ("Fernleaf Yoga Studio", date(2025, 9, 2), 1.5, True, "delivery", "Class timetable page"),
        (  # the column is the task too: its words count ('changes')
            "Fernleaf Yoga Studio",
            date(2025, 9, 3),
            1.25,
            True,
            "revision",
            "Changes to the timetable, per Maya",
        ),
        ("Fernleaf Yoga Studio", date(2025, 9, 18), 0.75, False, "meeting", "Call with Maya"),
        ("Harbor Dental", date(2025, 9, 22), 2.0, True, "delivery", "New booking form"),
    ]
    assert summary.label == "mapping 'timesheet'"


def test_the_documented_example_reads_the_fixture_sheet(store: Store, tmp_path: Path) -> None:
    mapping = Mapping.model_validate(tomllib.loads(EXAMPLE))
    assert mapping.columns["hours"] == "Time spent"
    path = write(tmp_path, "example.toml", EXAMPLE + '\ndecimal_separator = ","\n')
    with pytest.raises(ConfigError):  # top-level keys must come before [columns]: TOML's rule
        load_mapping(path)
    import_path(store, EXPORTS / "timesheet.csv", mapping=write(tmp_path, "m.toml", EXAMPLE))
    assert [e[2] for e in entries(store)] == [1.5, 1.25, 0.75, 2.0]


def test_activity_values_map_and_other_text_goes_to_the_words(store: Store, tmp_path: Path) -> None:
    sheet = write(
        tmp_path,
        "s.csv",
        "Who for,On,Hrs,Kind\nAcme,2025-07-01,1,Dev\nAcme,2025-07-02,1,FIXES\n"
        "Acme,2025-07-03,1,Support\nAcme,2025-07-04,1,Weekly call\nAcme,2025-07-05,1,Other\n",
    )
    mapping = write(
        tmp_path,
        "m.toml",
        '[columns]\nclient = "Who for"\ndate = "On"\nhours = "Hrs"\nactivity = "Kind"\n'
        '[values.activity]\n"dev" = "delivery"\n"Fixes" = "revision"\n',
    )
    summary = import_path(store, sheet, mapping=mapping)
    assert [e[4] for e in entries(store)] == [
        "delivery",
        "revision",
        "support",  # one of the five, as written
        "meeting",  # free text: the activity words
        "delivery",  # no word: the default, counted as unmatched
    ]
    assert sum(a.unmatched for a in summary.activities) == 1


def test_an_invoice_sheet(store: Store) -> None:
    summary = import_path(
        store, EXPORTS / "invoices_sheet.csv", mapping=EXPORTS / "invoices_sheet.toml"
    )
    assert summary.target == "invoices"
    assert store.con.execute(
        "SELECT invoice_id, issued_on, due_on, paid_on, amount FROM invoices ORDER BY 1"
    ).fetchall() == [
        ("2025-014", date(2025, 10, 1), date(2025, 10, 31), date(2025, 10, 28), Decimal("1200.00")),
        ("2025-015", date(2025, 10, 1), date(2025, 10, 15), None, Decimal("450.00")),
        ("2025-016", date(2025, 11, 3), date(2025, 11, 17), None, Decimal("2025.50")),
    ]


def test_a_mapped_column_missing_from_the_file(store: Store, tmp_path: Path) -> None:
    mapping = write(
        tmp_path, "m.toml", '[columns]\nclient = "Client"\ndate = "Datum"\nhours = "Time spent"\n'
    )
    with pytest.raises(ImportFailed) as info:
        import_path(store, EXPORTS / "timesheet.csv", mapping=mapping)
    assert [str(p) for p in info.value.problems] == [
        "timesheet.csv:1: Datum: missing column ('Datum'; mapping 'sheet' needs Client, Datum, "
        "Time spent)"
    ]


def test_a_missing_column_two_fields_read_is_said_once(store: Store, tmp_path: Path) -> None:
    """The task and the note read one column: its absence was two problems, and the column was
    named twice in what the mapping needs."""
    sheet = (EXPORTS / "timesheet.csv").read_text().replace("What was done", "Work", 1)
    # the two fields spell the column in two cases (a header matches in any case)
    toml = (
        (EXPORTS / "timesheet.toml")
        .read_text()
        .replace('note = "What was done"', 'note = "what was done"')
    )
    with pytest.raises(ImportFailed) as info:
        import_path(
            store, write(tmp_path, "ts.csv", sheet), mapping=write(tmp_path, "m.toml", toml)
        )
    assert [str(p) for p in info.value.problems] == [
        "ts.csv:1: What was done: missing column ('What was done'; mapping 'timesheet' needs "
        "Client, Day, Time spent, Billed?, What was done)"
    ]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            '[columns]\nclient = "C"\ndate = "D"\n',
            "columns: hours (or start and end) required for time_entries",
        ),
        (
            '[columns]\ndate = "D"\nhours = "H"\n',
            "columns: client (or project) required for time_entries",
        ),
        (
            '[columns]\nclient = "C"\ndate = "D"\nhours = "H"\nrate = "R"\n',
            "columns: rate not a field of time_entries",
        ),
        (
            '[columns]\nclient = "C"\ndate = "D"\nhours = "H"\n[fixed]\nclient = "Acme"\n',
            "client in both [columns] and [fixed]",
        ),
        (
            '[columns]\ndate = "D"\nhours = "H"\n[fixed]\nclient = " "\n',
            "fixed.client: empty value",
        ),
        (
            '[columns]\nclient = "C"\ndate = "D"\nhours = "H"\n[fixed]\nrate = 90\n',
            "fixed: rate not a field of time_entries",
        ),
        (
            'date_format = "dd/mm"\n[columns]\nclient = "C"\ndate = "D"\nhours = "H"\n',
            "date_format: date format 'dd/mm': give day-first, month-first, or a pattern",
        ),
        (
            '[columns]\nclient = "C"\ndate = "D"\nhours = "H"\n[values.activity]\n"x" = "fun"\n',
            "values.activity.x: Input should be 'delivery', 'revision'",
        ),
        (
            'target = "feedback"\n[columns]\n',
            "columns: client (or domain), date, score required for feedback",
        ),
        (
            'target = "surveys"\n[columns]\n',
            "target: Input should be 'time_entries', 'invoices', 'interactions' or 'feedback'",
        ),
        (
            'target = "interactions"\n[columns]\nclient = "C"\nat = "T"\n'
            '[fixed]\nchannel = "email"\n[values.kind]\n"x" = "rant"\n',
            "values.kind.x: Input should be 'request'",
        ),
        ("colums = {}\n", "colums: Extra inputs are not permitted"),
        ("[columns\n", "not valid TOML"),
    ],
)
def test_mapping_problems_are_named_by_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = write(tmp_path, "m.toml", toml)
    with pytest.raises(ConfigError) as info:
        load_mapping(path)
    assert expected in str(info.value)
    assert str(info.value).startswith(str(path))


def test_a_mapping_with_a_delimiter_reads_only_with_it(store: Store, tmp_path: Path) -> None:
    sheet = write(tmp_path, "s.csv", "Client;Day;Hours\nAcme;2025-07-01;1,5\n")
    mapping = write(
        tmp_path,
        "m.toml",
        'delimiter = ";"\ndecimal_separator = ","\n'
        '[columns]\nclient = "Client"\ndate = "Day"\nhours = "Hours"\n',
    )
    import_path(store, sheet, mapping=mapping)
    assert entries(store)[0][1:3] == (date(2025, 7, 1), 1.5)


def test_source_and_mapping_together_are_refused(store: Store) -> None:
    with pytest.raises(ImportFailed, match="not both"):
        import_path(
            store, EXPORTS / "timesheet.csv", source="toggl", mapping=EXPORTS / "timesheet.toml"
        )


def test_the_readme_mapping_reads_the_fixture_sheet(store: Store, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n# timesheet.toml\n", 1)[1].split("```", 1)[0]
    summary = import_path(
        store, EXPORTS / "timesheet.csv", mapping=write(tmp_path, "m.toml", block)
    )
    assert summary.rows == 4
    assert [e[4] for e in entries(store)] == ["delivery", "revision", "meeting", "delivery"]


def test_an_ambiguous_number_names_the_mapping_to_fix(store: Store, tmp_path: Path) -> None:
    """German whole euros ('1.200') through a mapping with no decimal_separator were read as 1.2,
    with a note (user trial: €1.25 stored for €1,250). Refused now, naming the mapping to edit."""
    mapping = write(
        tmp_path,
        "inv_de.toml",
        'target = "invoices"\nname = "de-whole"\ndate_format = "%d.%m.%Y"\n[columns]\n'
        'invoice_id = "Rechnung"\nclient = "Kunde"\nissued_on = "Datum"\namount = "Betrag"\n'
        '[fixed]\nstatus = "open"\n',
    )
    sheet = write(
        tmp_path,
        "inv_de.csv",
        "Rechnung,Kunde,Datum,Betrag\nG-1,Lindqvist Bikes,03.07.2026,1.200\n"
        "G-2,Lindqvist Bikes,04.07.2026,450\n",
    )
    with pytest.raises(ImportFailed) as info:
        import_path(store, sheet, mapping=mapping)
    assert [str(p) for p in info.value.problems] == [
        "inv_de.csv:2: Betrag: ambiguous number '1.200': 1200 with a decimal comma, 1.2 with a "
        "decimal point, and no number in the file says which (as 1.250,00 or 1.5 would); add "
        f'decimal_separator = "," or "." to {mapping} (at the top, above [columns])'
    ]
    # the advice works as written
    text = mapping.read_text().replace("[columns]", 'decimal_separator = ","\n[columns]')
    mapping.write_text(text)
    import_path(store, sheet, mapping=mapping)
    amounts = store.con.execute("SELECT amount FROM invoices ORDER BY 1").fetchall()
    assert amounts == [(Decimal("450.00"),), (Decimal("1200.00"),)]


def test_a_french_timesheet_reads_its_own_yes_no_and_hours(store: Store, tmp_path: Path) -> None:
    """A Lyon agency's sheet: "Oui"/"Non" were refused on 2,131 lines, "1h30", "2h" and "0h45" as
    not a number of hours, and an empty Facturable cell was 'required (yes or no)' with no word of
    the mapping's [values.billable] that would read it."""
    mapping = write(
        tmp_path,
        "temps.toml",
        'target = "time_entries"\ndelimiter = ";"\ndate_format = "day-first"\n[columns]\n'
        'client = "Client"\ndate = "Date"\nhours = "Durée"\nbillable = "Facturable"\n',
    )
    head = "Client;Date;Durée;Facturable\n"
    rows = (
        "Soierie Vauban;01/09/2026;1h30;Oui\n"
        "Soierie Vauban;02/09/2026;2h;non\n"
        "Soierie Vauban;03/09/2026;0h45;OUI\n"
        "Soierie Vauban;04/09/2026;45 min;Non\n"
        "Soierie Vauban;07/09/2026;1,5;oui\n"
    )
    import_path(store, write(tmp_path, "temps.csv", head + rows), mapping=mapping)
    assert [(h, b) for (_, _, h, b, _, _) in entries(store)] == [
        (1.5, True),
        (2.0, False),
        (0.75, True),
        (0.75, False),
        (1.5, True),
    ]
    empty = write(tmp_path, "temps.csv", head + rows + "Soierie Vauban;08/09/2026;1h;\n")
    with pytest.raises(ImportFailed) as refused:
        import_path(store, empty, mapping=mapping)
    assert [str(p) for p in refused.value.problems] == [
        "temps.csv:7: Facturable: required (yes or no); give the sheet's words their value under "
        f'[values.billable] in {mapping} ("" = false for an empty cell)'
    ]


def test_french_task_words_give_their_activity(store: Store, tmp_path: Path) -> None:
    """A Lyon agency's tasks "Réunion client" and "Point téléphonique" counted as delivery: the
    built-in activity words were English only."""
    mapping = write(
        tmp_path,
        "temps.toml",
        'target = "time_entries"\ndelimiter = ";"\ndate_format = "day-first"\n[columns]\n'
        'client = "Client"\ndate = "Date"\nhours = "Durée"\ntask = "Tâche"\n'
        'billable = "Facturable"\n',
    )
    sheet = write(
        tmp_path,
        "temps.csv",
        "Client;Date;Durée;Tâche;Facturable\n"
        "Soierie Vauban;01/09/2026;1;Réunion client;oui\n"
        "Soierie Vauban;02/09/2026;1;Point téléphonique;oui\n"
        "Soierie Vauban;03/09/2026;1;Retouches maquette;oui\n"
        "Soierie Vauban;04/09/2026;1;Dépannage site;oui\n"
        "Soierie Vauban;07/09/2026;1;Communiqué de presse;oui\n"
        "Soierie Vauban;08/09/2026;1;Appel d'offres;oui\n"  # a tender, not a call (a review)
        "Soierie Vauban;09/09/2026;1;Visionnage rushes;oui\n"
        "Soierie Vauban;10/09/2026;1;Refonte site internet;non\n",
    )
    import_path(store, sheet, mapping=mapping)
    assert [a for (_, _, _, _, a, _) in entries(store)] == [
        "meeting", "meeting", "revision", "support", "delivery", "delivery", "delivery", "delivery"
    ]  # fmt: skip


def test_a_brazilian_timesheets_words_give_their_activity_and_sim_nao_is_billable(
    store: Store, tmp_path: Path
) -> None:
    """A São Paulo agency's Clockify report in Portuguese: Faturável "Sim"/"Não" was refused until
    mapped, and every hour of Reunião, Revisão and Suporte counted as delivery."""
    mapping = write(
        tmp_path,
        "horas.toml",
        'target = "time_entries"\ndelimiter = ";"\ndate_format = "day-first"\n[columns]\n'
        'client = "Cliente"\ndate = "Data"\nhours = "Duração (decimal)"\ntask = "Tarefa"\n'
        'billable = "Faturável"\n',
    )
    sheet = write(
        tmp_path,
        "horas.csv",
        "Cliente;Data;Duração (decimal);Tarefa;Faturável\n"
        "Padaria;01/09/2026;1;Reunião de alinhamento;Sim\n"
        "Padaria;02/09/2026;1;Revisão de layout;Sim\n"
        "Padaria;03/09/2026;1;Ajustes no site;Sim\n"
        "Padaria;04/09/2026;1;Suporte técnico;Sim\n"
        "Padaria;07/09/2026;1;Faturamento;Não\n"
        "Padaria;08/09/2026;1;Criação de posts;Sim\n",
    )
    import_path(store, sheet, mapping=mapping)
    assert [(b, a) for (_, _, _, b, a, _) in entries(store)] == [
        (True, "meeting"), (True, "revision"), (True, "revision"), (True, "support"),
        (False, "admin"), (True, "delivery"),
    ]  # fmt: skip


@pytest.mark.parametrize("target", sorted(EXAMPLES))
def test_a_refused_mapping_is_shown_an_example_of_its_own_target(
    tmp_path: Path, target: str
) -> None:
    """A refused invoice or ticket mapping was shown a timesheet mapping to copy (two hunts)."""
    example = Mapping.model_validate(tomllib.loads(EXAMPLES[target]))
    assert example.target == target
    with pytest.raises(ConfigError) as info:
        load_mapping(write(tmp_path, "m.toml", f'target = "{target}"\ncolums = {{}}\n'))
    assert str(info.value).endswith("A mapping looks like this:\n" + EXAMPLES[target])


def test_columns_a_mapping_does_not_name_are_one_note(store: Store, tmp_path: Path) -> None:
    """A Tempo export of 23 columns through a mapping naming 4 gave 21 warnings, one a column,
    burying the two that mattered (a dev shop's hunt). The mapping names what it reads: the rest
    is one note, not a warning."""
    extra = [f"Extra {n}" for n in range(7)]
    sheet = write(tmp_path, "s.csv", ",".join(["Client", "Day", "Hours", *extra]) + "\n"
                  + ",".join(["Acme", "2025-07-01", "1.5", *["x"] * 7]) + "\n")  # fmt: skip
    mapping = write(
        tmp_path, "m.toml", '[columns]\nclient = "Client"\ndate = "Day"\nhours = "Hours"\n'
    )
    summary = import_path(store, sheet, mapping=mapping)
    assert summary.warnings == []
    assert (
        "s.csv: read past 7 columns the mapping does not name: 'Extra 0', 'Extra 1', 'Extra 2', "
        "'Extra 3', 'Extra 4' and 2 more."
    ) in summary.notes


def test_a_sheet_in_windows_1252_is_read_where_its_encoding_is_said(
    store: Store, tmp_path: Path
) -> None:
    """French Excel's plain CSV is Windows-1252: a Lyon agency's first import was refused, every
    month, until saved again as UTF-8. A mapping's encoding (or --encoding) reads it, line for
    line; a byte the encoding has none for is refused on its line; a sheet saved again as UTF-8
    still reads."""
    columns = (
        'target = "time_entries"\ndelimiter = ";"\ndate_format = "day-first"\n[columns]\n'
        'client = "Client"\ndate = "Date"\nhours = "Durée"\nnote = "Tâche"\n'
    )
    text = "Client;Date;Durée;Tâche\nSoierie Vauban;01/09/2026;1,5;Réunion € budget\n"
    sheet = tmp_path / "temps.csv"
    sheet.write_bytes(text.encode("cp1252"))
    plain = write(tmp_path, "plain.toml", columns)
    with pytest.raises(ImportFailed, match="--encoding windows-1252"):
        import_path(store, sheet, mapping=plain)
    said = write(tmp_path, "said.toml", 'encoding = "Windows-1252"\n' + columns)
    summary = import_path(store, sheet, mapping=said)
    assert summary.notes[0] == "temps.csv: read as cp1252 text, as --encoding or the mapping says."
    assert entries(store)[0][0] == "Soierie Vauban" and entries(store)[0][5] == "Réunion € budget"
    sheet.write_bytes(text.encode("utf-8"))  # saved again as UTF-8: still read
    assert import_path(store, sheet, mapping=said).already == 1
    sheet.write_bytes(text.encode("cp1252") + b"Soierie Vauban;02/09/2026;1;x\x81y\n")
    with pytest.raises(ImportFailed) as refused:
        import_path(store, sheet, mapping=said)
    assert [str(p) for p in refused.value.problems] == [
        "temps.csv:3: (file): not cp1252 text either: byte 0x81 has no character in it"
    ]
    with pytest.raises(ImportFailed, match="'klingon' is not a text encoding"):
        import_path(store, sheet, encoding="klingon")


def test_a_timesheets_money_is_read_through_a_mapping(store: Store, tmp_path: Path) -> None:
    """A Berlin studio's Clockify export through a mapping: `billable_amount` was "not a field of
    time_entries", and its clients not yet invoiced lost their revenue estimates."""
    mapping = write(
        tmp_path,
        "t.toml",
        'target = "time_entries"\ndelimiter = ";"\ndate_format = "day-first"\n[columns]\n'
        'client = "Kunde"\ndate = "Datum"\nhours = "Stunden"\n'
        'billable_amount = "Betrag (EUR)"\ncost_amount = "Kosten"\n[fixed]\ncurrency = "EUR"\n',
    )
    sheet = write(tmp_path, "t.csv", "Kunde;Datum;Stunden;Betrag (EUR);Kosten\n"
                  "Café Übersee;14.09.2026;2,5;237,50;100,00\n")  # fmt: skip
    import_path(store, sheet, mapping=mapping)
    assert store.con.execute(
        "SELECT hours, billable_amount::DOUBLE, cost_amount::DOUBLE, amount_currency "
        "FROM time_entries"
    ).fetchall() == [(2.5, 237.5, 100.0, "EUR")]


def test_a_mapped_time_amount_titled_with_its_currency_is_in_it(
    store: Store, tmp_path: Path
) -> None:
    """A Spanish Clockify's "Importe facturable (EUR)", mapped as drafted, was stored as pounds in
    a GBP portfolio: the title names the currency, as Toggl's and Clockify's built-in do (the
    reviewer's find)."""
    from health_tui.settings import Money

    sheet = write(tmp_path, "c.csv", "Cliente,Fecha de inicio,Duración (decimal),Importe facturable (EUR)\n"
                  "Acme,2026-07-01,2,150.00\n")  # fmt: skip
    mapping = write(tmp_path, "c.toml", 'target = "time_entries"\n[columns]\nclient = "Cliente"\n'
                    'date = "Fecha de inicio"\nhours = "Duración (decimal)"\n'
                    'billable_amount = "Importe facturable (EUR)"\n')  # fmt: skip
    import_path(store, sheet, mapping=mapping, money=Money(currency="GBP", rates={"EUR": 0.85}))
    assert store.con.execute("SELECT billable_amount, amount_currency FROM time_entries").fetchall() == [
        (Decimal("150.00"), "EUR")
    ]  # fmt: skip
