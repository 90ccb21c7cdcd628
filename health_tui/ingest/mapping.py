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

# Our fields a mapping may name, per target. `start` and `end` are staged as start_time and end_time.
TIME_FIELDS: tuple[str, ...] = (
    "client",
    "date",
    "hours",
    "start",
    "end",
    "billable",
    "activity",
    "project",
    "task",
    "tags",
    "note",
    "person",
)
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
STAGED = {"start": "start_time", "end": "end_time"}  # a mapping's name -> the staged column

EXAMPLE = """\
# timesheet.toml: for a sheet with the columns Client, Day, Time spent, Billed?, What was done
target = "time_entries"        # or "invoices"
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


class MappingValues(BaseModel):
    """The sheet's own words for our values; keys match in any case."""

    model_config = ConfigDict(extra="forbid")

    billable: dict[str, bool] = Field(default_factory=dict)
    activity: dict[str, Activity] = Field(default_factory=dict)
    status: dict[str, Literal["draft", "open", "paid", "closed"]] = Field(default_factory=dict)


class Mapping(BaseModel):
    """A mapping file: how to read one CSV that no known export matches."""

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
    due_days: int | None = Field(
        None, ge=0, le=366, description="default: the settings' [money] payment_terms_days"
    )
    columns: dict[str, str] = Field(default_factory=dict)
    fixed: dict[str, str | bool | int | float] = Field(
        default_factory=dict, description="a field's one value for the whole file"
    )
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
        for table in ("columns", "fixed"):
            unknown = [k for k in getattr(self, table) if k not in allowed]
            if unknown:
                raise ValueError(
                    f"{table}: {', '.join(unknown)} not a field of {self.target}; "
                    f"the fields are {', '.join(allowed)}"
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
        if self.target == "time_entries":
            needed = [
                "client (or project)" if not given & {"client", "project"} else "",
                "date" if "date" not in given else "",
                "hours (or start and end)"
                if "hours" not in given and not {"start", "end"} <= given
                else "",
            ]
        else:
            needed = [k for k in INVOICE_REQUIRED if k not in given]
        missing = [k for k in needed if k]
        if missing:
            raise ValueError(
                f"columns: {', '.join(missing)} required for {self.target} "
                "(which column holds each, or [fixed] gives its one value?)"
            )
        return self

    def fixed_values(self) -> dict[str, str]:
        """[fixed] as the text a sheet would hold: true/false for booleans, numbers as written."""
        return {
            STAGED.get(k, k): (str(v).lower() if isinstance(v, bool) else str(v)).strip()
            for k, v in self.fixed.items()
        }

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
        else:
            params = {
                "source_name": f"mapping:{self.name}",
                "status_keys": [k.strip().lower() for k in values.status],
                "status_values": list(values.status.values()),
                "due_days": self.due_days,
            }
            order, parse = INVOICE_FIELDS, "harvest_invoices_parse"
        named = [f for f in order if f in self.columns]
        return Source(
            name="mapping",
            label=f"mapping {self.name!r}",
            target=self.target,
            fields={STAGED.get(f, f): (self.columns[f],) for f in named},
            required=tuple(STAGED.get(f, f) for f in named),  # every column it names
            parse=parse,
            params=params,
            delimiter=self.delimiter,
            date_format=self.date_format,
            decimal=self.decimal_separator,
            billable_default=self.billable_default,
            provenance=f"mapping:{self.name}",
            fixed=self.fixed_values(),
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
