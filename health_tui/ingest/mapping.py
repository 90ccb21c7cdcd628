"""`health-tui import FILE.csv --mapping FILE.toml`: any CSV, described by a mapping file.

The mapping says which column holds each field of the import format, how dates and numbers are
written, and how the sheet's own words map to our values. It becomes a `Source` like Harvest's or
Toggl's, so a mapped spreadsheet goes through the same pipeline, checks and identity rules.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from health_tui.errors import ConfigError
from health_tui.ingest.source import Source, Target, parse_date_format
from health_tui.settings import Activity

# Our fields a mapping may name, per target, required ones first.
TIME_FIELDS: tuple[str, ...] = (
    "client",
    "date",
    "hours",
    "billable",
    "activity",
    "project",
    "task",
    "tags",
    "note",
    "person",
)
TIME_REQUIRED: tuple[str, ...] = ("client", "date", "hours")
INVOICE_FIELDS: tuple[str, ...] = (
    "invoice_id",
    "client",
    "issued_on",
    "amount",
    "due_on",
    "paid_on",
    "paid_amount",
    "balance",
    "currency",
    "status",
)
INVOICE_REQUIRED: tuple[str, ...] = ("invoice_id", "client", "issued_on", "amount")

EXAMPLE = """\
# timesheet.toml: for a sheet with the columns Client, Day, Time spent, Billed?, What was done
target = "time_entries"        # or "invoices"
date_format = "day-first"      # or month-first, or a pattern like "%d.%m.%Y"; default: found
                               # from the dates, refused if they cannot tell
[columns]                      # our field = "the column's header"
client = "Client"
date = "Day"
hours = "Time spent"           # 1.5, 1,5 or 1:30
billable = "Billed?"
note = "What was done"         # the activity words are looked for here
[values.billable]              # the sheet's own words, besides yes/no/true/false/1/0
"x" = true
"" = false"""


class MappingValues(BaseModel):
    """The sheet's own words for our values; keys match in any case."""

    model_config = ConfigDict(extra="forbid")

    billable: dict[str, bool] = Field(default_factory=dict)
    activity: dict[str, Activity] = Field(default_factory=dict)
    status: dict[str, Literal["draft", "open", "paid", "closed"]] = Field(default_factory=dict)


class Mapping(BaseModel):
    """A mapping file: how to read one CSV that is neither a Harvest nor a Toggl export."""

    model_config = ConfigDict(extra="forbid")

    target: Target = "time_entries"
    name: str = Field(
        "sheet",
        min_length=1,
        max_length=40,
        description="part of each entry's identity: two sheets with the same name share entries",
    )
    delimiter: Literal[",", ";", "\t"] | None = None
    date_format: str | None = None
    decimal_separator: Literal[".", ","] | None = None
    billable_default: bool = True
    due_days: int = Field(30, ge=0, le=366)
    columns: dict[str, str]
    values: MappingValues = MappingValues()

    @field_validator("date_format")
    @classmethod
    def _date_format(cls, value: str | None) -> str | None:
        if value is not None:
            parse_date_format(value)
        return value

    @model_validator(mode="after")
    def _columns(self) -> Mapping:
        allowed = TIME_FIELDS if self.target == "time_entries" else INVOICE_FIELDS
        required = TIME_REQUIRED if self.target == "time_entries" else INVOICE_REQUIRED
        unknown = [k for k in self.columns if k not in allowed]
        if unknown:
            raise ValueError(
                f"columns: {', '.join(unknown)} not a field of {self.target}; "
                f"the fields are {', '.join(allowed)}"
            )
        missing = [k for k in required if k not in self.columns]
        if missing:
            raise ValueError(
                f"columns: {', '.join(missing)} required for {self.target} "
                f"(which column holds each?)"
            )
        seen: dict[str, str] = {}
        for fieldname, header in self.columns.items():
            key = " ".join(header.strip().lower().split())
            if not key:
                raise ValueError(f"columns.{fieldname}: empty header name")
            if key in seen:
                raise ValueError(
                    f"columns.{seen[key]} and columns.{fieldname} both name {header!r}; "
                    "a column holds one field"
                )
            seen[key] = fieldname
        return self

    def source(self) -> Source:
        """This mapping as a Source for the shared pipeline."""
        values = self.values
        if self.target == "time_entries":
            params: dict[str, object] = {
                "source_name": f"mapping:{self.name}",
                "billable_keys": [k.strip().lower() for k in values.billable],
                "billable_values": list(values.billable.values()),
                "activity_keys": [k.strip().lower() for k in values.activity],
                "activity_values": list(values.activity.values()),
            }
            order, parse = TIME_FIELDS, "mapping_time_parse"
            required = TIME_REQUIRED
        else:
            params = {
                "source_name": f"mapping:{self.name}",
                "status_keys": [k.strip().lower() for k in values.status],
                "status_values": list(values.status.values()),
                "due_days": self.due_days,
            }
            order, parse = INVOICE_FIELDS, "harvest_invoices_parse"
            required = INVOICE_REQUIRED
        return Source(
            name="mapping",
            label=f"mapping {self.name!r}",
            target=self.target,
            fields={f: (self.columns[f],) for f in order if f in self.columns},
            required=required,
            parse=parse,
            params=params,
            delimiter=self.delimiter,
            date_format=self.date_format,
            decimal=self.decimal_separator,
            billable_default=self.billable_default,
            provenance=f"mapping:{self.name}",
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
        lines = [f"{path}: {exc.error_count()} problem(s) in the mapping:"]
        for e in exc.errors():
            where = ".".join(str(p) for p in e["loc"])
            message = str(e["msg"]).removeprefix("Value error, ")
            lines.append(f"  {where + ': ' if where else ''}{message}")
        lines.append("A mapping looks like this:\n" + EXAMPLE)
        raise ConfigError("\n".join(lines)) from None
