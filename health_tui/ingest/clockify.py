"""Clockify's detailed report, exported as CSV.

Clockify writes what Toggl does under its own names, so its rows are typed by the same query
(`queries/toggl_time_parse.sql`), with its own name in each entry's identity.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

# Reports > Detailed > Export > Save as CSV: Project, Client, Description, Task, User, Group, Email,
# Tags, Billable, Start Date, Start Time, End Date, End Time, Duration (h), Duration (decimal),
# Billable Rate (USD), Billable Amount (USD). Dates follow the workspace's date format (10/23/2025
# or 23/10/2025: the file's dates settle which), times may be 12-hour (10:23:52 AM). Client is left
# out when the workspace does not use clients; Project then names the client. The amount columns,
# titled with the currency, are read as the entry's billable and cost amounts (as Harvest's are);
# the rate columns are read past.
CLOCKIFY = Source(
    name="clockify",
    label="Clockify detailed report",
    target="time_entries",
    # and as Clockify writes them with its interface in German (a Berlin studio's export was "not
    # an export health-tui knows"), and in Portuguese, Spanish and French as the São Paulo and
    # Madrid hunts' exports wrote them (a mapping had to be drafted for each)
    fields={
        "project": ("Project", "Projekt", "Projeto", "Proyecto", "Projet"),
        "client": ("Client", "Kunde", "Cliente"),
        "note": ("Description", "Beschreibung", "Descrição", "Descripción"),
        "task": ("Task", "Aufgabe", "Tarefa", "Tarea", "Tâche"),
        "person": ("User", "Benutzer", "Usuário", "Usuario", "Utilisateur"),
        "email": ("Email", "E-Mail"),
        "tags": ("Tags", "Etiquetas", "Étiquettes"),
        "billable": ("Billable", "Abrechenbar", "Faturável", "Facturable"),
        "date": ("Start Date", "Startdatum", "Data de início", "Fecha de inicio", "Date de début"),
        "start_time": (
            "Start Time",
            "Startzeit",
            "Hora de início",
            "Hora de inicio",
            "Heure de début",
        ),
        "end_date": (
            "End Date",
            "Enddatum",
            "Data de término",
            "Fecha de finalización",
            "Date de fin",
        ),
        "end_time": (
            "End Time",
            "Endzeit",
            "Hora de término",
            "Hora de finalización",
            "Heure de fin",
        ),
        "duration": (
            "Duration (h)",
            "Time (h)",
            "Dauer (h)",
            "Duração (h)",
            "Duración (h)",
            "Durée (h)",
        ),
        "hours": (
            "Duration (decimal)",
            "Time (decimal)",
            "Dauer (dezimal)",
            "Duração (decimal)",
            "Duración (decimal)",
            "Durée (décimale)",
        ),
    },
    required=("date",),
    one_of=(("hours",), ("duration",)),
    parse="toggl_time_parse",
    ignored=("Group", "Kiosk", "Grupo", "Groupe"),
    ignored_prefixes=(
        "Billable Rate (",
        "Cost Rate (",
        "Billable Amount (",
        "Cost Amount (",
        "Abrechenbarer Satz (",
        "Kostensatz (",
        "Abrechenbarer Betrag (",
        "Kostenbetrag (",
        "Taxa faturável (",
        "Valor faturável (",
        "Tarifa facturable (",
        "Importe facturable (",
        "Taux facturable (",
        "Montant facturable (",
    ),
    titled={
        "billable_amount": (
            "Billable Amount (",
            "Abrechenbarer Betrag (",
            "Valor faturável (",
            "Importe facturable (",
            "Montant facturable (",
        ),
        "cost_amount": ("Cost Amount (", "Kostenbetrag ("),
    },
    params={"source_name": "clockify"},
)
