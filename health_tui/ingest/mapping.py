"""`health-tui import FILE.csv --mapping FILE.toml`: any CSV, described by a mapping file.

The mapping says which column holds each field of the import format (or, under [fixed], the one
value a field has for the whole file), how dates and numbers are written, and how the sheet's own
words map to our values. It becomes a `Source` like Harvest's or Toggl's, so a mapped spreadsheet goes
through the same pipeline, checks and identity rules. Four targets: time entries, invoices,
interactions (a log of contacts, tickets) and feedback (survey answers).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from health_tui.errors import ConfigError
from health_tui.formatting import plural
from health_tui.ingest.helpdesk import TELLING, UNRATED
from health_tui.ingest.source import Source, Target, parse_date_format
from health_tui.ingest.staging import encoding_name
from health_tui.record import CHANNEL_WORDS
from health_tui.settings import Activity

Channel = Literal["email", "phone", "meeting", "chat", "letter", "sms", "social"]
Kind = Literal[
    "request",
    "urgent_request",
    "revision_request",
    "scope_change",
    "complaint",
    "escalation",
    "praise",
    "other",
]


@dataclass(frozen=True)
class TargetFields:
    """What a mapping may say for one target: its fields, which it needs, and how it is typed."""

    fields: tuple[str, ...]  # as a mapping names them, in the order they are matched
    needs: tuple[tuple[str, ...], ...]  # each: at least one of these fields (columns or [fixed])
    parse: str
    staged: tuple[
        tuple[str, str], ...
    ] = ()  # a mapping's name -> the staged column, when not alike


TARGETS: dict[str, TargetFields] = {
    "time_entries": TargetFields(
        fields=("client", "date", "hours", "start", "end", "billable", "activity", "project",
                "task", "tags", "note", "person", "billable_amount", "cost_amount", "currency"),
        needs=(("client", "project"), ("date",), ("hours", "start+end")),
        parse="mapping_time_parse",
        staged=(("start", "start_time"), ("end", "end_time")),
    ),
    "invoices": TargetFields(
        fields=("invoice_id", "client", "issued_on", "amount", "due_on", "paid_on",
                "paid_amount", "balance", "currency", "status", "amount_with_tax", "tax", "tax2",
                "invoice_part"),
        needs=(("invoice_id",), ("client",), ("issued_on",), ("amount",)),
        parse="harvest_invoices_parse",
    ),
    "interactions": TargetFields(
        fields=("id", "client", "domain", "at", "time", "channel", "kind", "sentiment", "note"),
        needs=(("client", "domain"), ("at",), ("channel",), ("kind",)),
        parse="mapping_interactions_parse",
        staged=(("id", "ticket_id"),),
    ),
    "feedback": TargetFields(
        fields=("id", "client", "domain", "date", "score", "comment"),
        needs=(("client", "domain"), ("date",), ("score",)),
        parse="mapping_feedback_parse",
        staged=(("id", "response_id"),),
    ),
}  # fmt: skip

EXAMPLE = """\
# timesheet.toml: for a sheet with the columns Client, Day, Time spent, Billed?, What was done
target = "time_entries"        # or "invoices", "interactions", "feedback"
date_format = "day-first"      # or month-first, or a pattern like "%d.%m.%Y"; default: found
                               # from the dates, refused if they cannot tell
[columns]                      # our field = "the column's header"
client = "Client"
date = "Day"
hours = "Time spent"           # 1.5, 1,5 or 1:30 (or start and end: two times of day)
billable = "Billed?"
task = "What was done"         # the activity words are looked for in a task
note = "What was done"         # one column may feed two fields
[values.billable]              # the sheet's own words, besides yes/no/true/false/1/0
"x" = true
"" = false"""


InvoiceStatus = Literal[
    "draft",
    "open",
    "paid",
    "closed",
    "sent",
    "viewed",
    "late",
    "overdue",
    "pending",
    "unpaid",
    "partial",
    "due",
    "void",
    "voided",
    "cancelled",
    "canceled",
    "written off",
]


# A mapping for each of the other targets, shown when one for that target is refused (a refused
# invoice mapping was shown the timesheet above).
EXAMPLES: dict[str, str] = {
    "time_entries": EXAMPLE,
    "invoices": """\
# invoices.toml: for an invoice list with the columns No., Customer, Date, Due date, Amount,
# Open balance, Status
target = "invoices"
[columns]
invoice_id = "No."
client = "Customer"
issued_on = "Date"
due_on = "Due date"            # else due [money] payment_terms_days after issue (or due_days)
amount = "Amount"              # without tax; a total with tax: name its tax too, tax = "Tax"
balance = "Open balance"       # what is still owed (or paid_amount, or paid_on: a payment date)
status = "Status"
[values.status]                # the sheet's own words: draft, open (sent, late...), paid, closed (void...)
"Envoyée" = "open"
"Payée" = "paid"
"Annulée" = "closed"
""",
    "interactions": """\
# contacts.toml: for a log with the columns When, Who, How, What, Note
target = "interactions"
[columns]
at = "When"
client = "Who"                 # or domain = "Email": the sender's web domain
channel = "How"
kind = "What"
note = "Note"
[values.kind]                  # the sheet's own words for request, complaint, praise...
"Réclamation" = "complaint"
[values.channel]
"Courrier" = "letter"
""",
    "feedback": """\
# survey.toml: for survey answers with the columns Submitted at, Company, Score (1 to 5)
target = "feedback"
score_out_of = 5               # the survey's top score (default: 10); 1 reads 0, 3 reads 5
# score_from = 0               # its lowest answer, where it is not 1 (a 0-5 scale)
[columns]
date = "Submitted at"
client = "Company"             # or domain = "Email": the answer's web domain
score = "Score (1 to 5)"
""",
}


EXAMPLES = {target: text.rstrip() for target, text in EXAMPLES.items()}


class MappingValues(BaseModel):
    """The sheet's own words for our values; keys match in any case."""

    model_config = ConfigDict(extra="forbid")

    billable: dict[str, bool] = Field(default_factory=dict)
    activity: dict[str, Activity] = Field(default_factory=dict)
    # the four kinds, or any status word an export may write for one (the refusal of a word not
    # known lists them: "sent" was listed there, then refused here)
    status: dict[str, InvoiceStatus] = Field(default_factory=dict)
    kind: dict[str, Kind] = Field(default_factory=dict)
    channel: dict[str, Channel] = Field(default_factory=dict)
    # a tone in the sheet's own words ("annoyed" = -0.5) or on its own scale ("-2" = -1): a hand-
    # kept log on the -2..2 scale of `health-tui log --tone` was refused, and no mapping could say
    # "" is no tone, as an empty cell: Zendesk's "Offered" (a survey sent, not answered) in the
    # sheet's own language ("Oferecido" = ""); the word had to be given a tone, and 0 read a
    # 10/10 client's health "down 17"
    sentiment: dict[str, Annotated[float, Field(ge=-1, le=1)] | Literal[""]] = Field(
        default_factory=dict
    )
    # a survey's answers in words ("Very satisfied" = 5), on its scale (score_out_of): a Sydney
    # firm's SurveyMonkey export wrote them so, and every answer was refused
    score: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_word_once(self) -> MappingValues:
        """Keys match in any case and without their spaces: "Call" and "call " given apart were
        one word twice, and DuckDB's "Map keys must be unique" ended the import in a traceback."""
        twice = []
        for section, words in self:
            seen: dict[str, str] = {}
            for word in words:
                key = word.strip().lower()
                if key in seen:
                    twice.append(f"[values.{section}] gives {seen[key]!r} and {word!r}")
                seen[key] = word
        if twice:
            raise ValueError(
                "; ".join(twice) + ": words match in any case and without spaces at their ends, "
                "so these are one word given twice; keep one"
            )
        return self


def _keys(words: dict) -> list[str]:
    return [k.strip().lower() for k in words]


# An amount column whose name says it is without tax (Net, Subtotal, Montant HT, Netto)
NET_WORDS = ("subtotal", "netamount", "montantht", "netto", "net", "ht")


def net_named(column: str | None) -> bool:
    """Whether an amount column's name says it is without tax: "Net", "Line Subtotal", "Montant
    HT" (a word of its name, or the name run together: "NetAmount")."""
    if column is None:
        return False
    words = re.findall(r"[a-z0-9]+", column.lower())
    joined = "".join(words)
    return any(w in NET_WORDS for w in words) or any(
        joined.startswith(w) or joined.endswith(w) for w in NET_WORDS if len(w) >= 5
    )


# The fields that may name two columns, and the field the second is read as: two taxes in the
# amount (Québec's GST and QST), and an invoice's number with its instalment (a Brazilian
# receivables list's "Nº do documento" and "Parcela": 1/3, 2/3 and 3/3 of one sale, each due and
# paid on its own day, were refused as one number three times)
SECOND = {"tax": "tax2", "invoice_id": "invoice_part"}


def _two_columns(columns: object) -> object:
    """`tax = ["GST", "QST"]` read as the fields tax and tax2, `invoice_id = ["Nº", "Parcela"]`
    as invoice_id and invoice_part; any other field names one column."""
    if not isinstance(columns, dict):
        return columns
    out = dict(columns)
    for field, value in columns.items():
        if not isinstance(value, list):
            continue
        if field not in SECOND or not 1 <= len(value) <= 2 or SECOND[field] in columns:
            raise ValueError(
                f"columns.{field}: one column's name, in quotes (only tax may name two, "
                'tax = ["GST", "QST"], for two taxes in the amount, and invoice_id, invoice_id = '
                '["Nº", "Parcela"], for a number and its instalment)'
            )
        out[field], *rest = value
        if rest:
            out[SECOND[field]] = rest[0]
    return out


class Mapping(BaseModel):
    """A mapping file: how to read one CSV that no known export matches."""

    model_config = ConfigDict(extra="forbid")

    target: Target = "time_entries"
    name: str = Field(
        "sheet",
        min_length=1,
        max_length=40,
        description="part of each row's identity: two sheets with the same name share rows",
    )
    delimiter: Literal[",", ";", "\t"] | None = None
    date_format: str | None = None
    decimal_separator: Literal[".", ","] | None = None
    encoding: str | None = Field(
        None,
        description="the sheet's text encoding when it is not UTF-8: windows-1252 (Excel's CSV in "
        "Western Europe), latin-1...",
    )
    line_items: Literal["repeated", "summed"] = Field(
        "repeated",
        description='invoices with a row per line item: "repeated", each line repeats its '
        'invoice\'s totals (Xero, QuickBooks), read once; "summed", each line has its own amount '
        "and the invoice is their sum (FreshBooks' Invoice Details)",
    )
    amounts_in_cents: bool | None = Field(
        None,
        description="invoices: amounts written in cents (Stripe's API: 150000 is 1,500.00); "
        "false says they are whole units where every amount looks like cents",
    )
    billable_default: bool = True
    score_out_of: int | None = Field(
        None,
        ge=2,
        le=100,
        description="feedback: the survey's top score (5 for a 1-5 scale), read as out of 10",
    )
    score_from: int | None = Field(
        None,
        ge=0,
        le=1,
        description="feedback, with score_out_of: the survey's lowest answer (default 1 on a "
        "scale under 10, 0 on one of 10 or more), read as 0 of 10: a 1-5 survey's 1 is 0, its 3 "
        "is 5 and its 5 is 10 (a Sydney firm's neutral 3 read 6/10, fair, as twice itself)",
    )
    due_days: int | None = Field(
        None, ge=0, le=366, description="default: the settings' [money] payment_terms_days"
    )
    columns: Annotated[dict[str, str], BeforeValidator(_two_columns)] = Field(default_factory=dict)
    fixed: dict[str, str | bool | int | float] = Field(
        default_factory=dict, description="a field's one value for the whole file"
    )
    values: MappingValues = MappingValues()

    @field_validator("encoding")
    @classmethod
    def _encoding(cls, value: str | None) -> str | None:
        return None if value is None else encoding_name(value)

    @field_validator("date_format")
    @classmethod
    def _date_format(cls, value: str | None) -> str | None:
        if value is not None:
            parse_date_format(value)
        return value

    @model_validator(mode="after")
    def _columns(self) -> Mapping:
        if self.score_from is not None and self.score_out_of is None:
            raise ValueError(
                "score_from: the lowest answer of a scale score_out_of gives; give both"
            )
        if self.score_out_of is not None and self.target != "feedback":
            raise ValueError(
                f"score_out_of: a survey's scale, for feedback; this mapping is for {self.target}"
            )
        if self.line_items == "summed" and self.target != "invoices":
            raise ValueError(f"line_items: an invoice's lines; this mapping is for {self.target}")
        if self.line_items == "summed" and {"paid_amount", "balance"} & set(self.columns):
            # repeated on every line, an invoice's paid amount summed over its lines read a
            # part-paid invoice as paid twice over (the reviewer's find)
            raise ValueError(
                'line_items = "summed" sums each line\'s amount; paid_amount and balance are the '
                "invoice's, not a line's: leave them out (status and paid_on say what was paid)"
            )
        spec = TARGETS[self.target]
        for table in ("columns", "fixed"):
            unknown = [k for k in getattr(self, table) if k not in spec.fields]
            if unknown:
                raise ValueError(
                    f"{table}: {', '.join(unknown)} not a field of {self.target}; "
                    f"the fields are {', '.join(spec.fields)}"
                )
        both = [k for k in self.columns if k in self.fixed]
        if both:
            raise ValueError(
                f"{', '.join(both)} in both [columns] and [fixed]: give a field a column or one "
                "value for the whole file, not both"
            )
        for fieldname, header in self.columns.items():
            if not " ".join(header.split()):
                raise ValueError(f"columns.{fieldname}: empty header name")
        for fieldname, value in self.fixed.items():
            if not str(value).strip():
                raise ValueError(f"fixed.{fieldname}: empty value")
        given = set(self.columns) | set(self.fixed)
        if {"tax", "amount_with_tax"} <= given:
            raise ValueError(
                "tax and amount_with_tax: give one (tax: the amount is with tax and this column "
                "holds the tax in it; amount_with_tax: the amount is without tax, this the total)"
            )
        if "tax2" in given and "tax" not in given:
            raise ValueError('tax2 without tax: name both taxes as tax = ["GST", "QST"]')
        if "invoice_part" in given and "invoice_id" not in given:
            raise ValueError(
                'invoice_part without invoice_id: name both as invoice_id = ["Nº", "Parcela"]'
            )
        if "tax" in self.columns and net_named(self.columns.get("amount")):
            # a Sydney firm's amount = "Net" beside a drafted tax = "Tax": every AUD client's
            # revenue 10% short, nothing said
            raise ValueError(
                f"amount is {self.columns['amount']!r}, by its name an amount without tax, and tax "
                "takes the tax off an amount that holds it: the tax would come off twice. Leave tax "
                "out (or, if that column holds the tax after all, name the total as amount)"
            )
        missing = [
            " (or ".join(n.replace("+", " and ") for n in need) + ")" * (len(need) - 1)
            for need in spec.needs
            if not any(set(n.split("+")) <= given for n in need)
        ]
        if missing:
            raise ValueError(
                f"columns: {', '.join(missing)} required for {self.target} "
                "(which column holds each, or [fixed] gives its one value?)"
            )
        return self

    def _staged(self, name: str) -> str:
        return dict(TARGETS[self.target].staged).get(name, name)

    def fixed_values(self) -> dict[str, str]:
        """[fixed] as the text a sheet would hold: true/false for booleans, numbers as written."""
        return {
            self._staged(k): (str(v).lower() if isinstance(v, bool) else str(v)).strip()
            for k, v in self.fixed.items()
        }

    def source(self, file: str | None = None) -> Source:
        """This mapping as a Source for the shared pipeline; `file`, the mapping's path, is named
        in advice to edit it."""
        values = self.values
        params: dict[str, object] = {"source_name": f"mapping:{self.name}"}
        if self.target == "time_entries":
            params |= {
                "billable_keys": _keys(values.billable),
                "billable_values": list(values.billable.values()),
                "activity_keys": _keys(values.activity),
                "activity_values": list(values.activity.values()),
            }
        elif self.target == "invoices":
            params |= {
                "status_keys": _keys(values.status),
                "status_values": list(values.status.values()),
                "due_days": self.due_days,
                "cents": bool(self.amounts_in_cents),
                "balance_capped": False,
                "cents_said": self.amounts_in_cents is not None,
            }
        elif self.target == "feedback":
            # a scale to 5 or 7 starts at 1, one to 10 or 100 at 0 (NPS), unless it says
            top, lowest = self.score_out_of, self.score_from
            if lowest is None:
                lowest = 1 if top is not None and top < 10 else 0
            params |= {
                "out_of": top,
                "score_from": lowest,
                "score_keys": _keys(values.score),
                "score_values": list(values.score.values()),
            }
        elif self.target == "interactions":
            params |= {
                "kind_keys": _keys(values.kind),
                "kind_values": list(values.kind.values()),
                "channel_keys": _keys(values.channel),
                "channel_values": list(values.channel.values()),
                "sentiment_keys": _keys({k: v for k, v in values.sentiment.items() if v != ""}),
                "sentiment_values": [v for v in values.sentiment.values() if v != ""],
                # a helpdesk's Offered reads as none unless the mapping gives it a tone of its own
                "sentiment_none": _keys({k: v for k, v in values.sentiment.items() if v == ""})
                + [w for w in UNRATED if w not in _keys(values.sentiment)],
                "telling": list(TELLING),
                "said_keys": list(CHANNEL_WORDS),
                "said_values": list(CHANNEL_WORDS.values()),
            }
        spec = TARGETS[self.target]
        named = [f for f in spec.fields if f in self.columns]
        return Source(
            name="mapping",
            label=f"mapping {self.name!r}",
            target=self.target,
            fields={self._staged(f): (self.columns[f],) for f in named},
            required=tuple(self._staged(f) for f in named),  # every column it names
            parse=spec.parse,
            params=params,
            delimiter=self.delimiter,
            date_format=self.date_format,
            decimal=self.decimal_separator,
            encoding=self.encoding,
            billable_default=self.billable_default,
            provenance=f"mapping:{self.name}",
            fixed=self.fixed_values(),
            mapping_file=file,
            lines_summed=self.line_items == "summed",
        )


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; a bad one is refused with every problem, by key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the mapping: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {plural(exc.error_count(), 'problem')} in the mapping:"]
        for e in exc.errors():
            where = ".".join(str(p) for p in e["loc"])
            message = str(e["msg"]).removeprefix("Value error, ")
            lines.append(f"  {where + ': ' if where else ''}{message}")
        target = data.get("target") if isinstance(data, dict) else None
        example = EXAMPLES.get(target, EXAMPLE) if isinstance(target, str) else EXAMPLE
        lines.append("A mapping looks like this:\n" + example)
        raise ConfigError("\n".join(lines)) from None
