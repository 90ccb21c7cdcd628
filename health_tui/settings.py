"""Scoring settings: a TOML file validated by pydantic, each value traced to where it came from.

The file lives at `--config PATH`, else `$HEALTH_TUI_CONFIG`, else the user config directory. Anything
the file leaves out keeps its default, and `health-tui config` shows which is which.
"""

from __future__ import annotations

import json
import re
import tomllib
from difflib import get_close_matches
from enum import Enum
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from rich.cells import cell_len

from health_tui.errors import ConfigError
from health_tui.formatting import plural
from health_tui.formula import (
    Archetypes,
    CounterSignals,
    Effort,
    Friction,
    HardTimes,
    Payment,
    Satisfaction,
    Scope,
    Trend,
    Window,
)
from health_tui.text import fill_clauses, wrap_cells
from health_tui.workdays import known_country


class Weights(BaseModel):
    """How much each health component counts; missing components share their weight out."""

    model_config = ConfigDict(extra="forbid")

    satisfaction: float = Field(0.35, ge=0, description="feedback, tone, praise versus complaints")
    friction: float = Field(
        0.20,
        ge=0,
        description="complaints, escalations, letters, urgent and scope-change demands, requests "
        "or complaints after hours",
    )
    payment: float = Field(0.15, ge=0, description="days late and unpaid overdue amounts")
    scope: float = Field(
        0.15, ge=0, description="revision share, revision requests, non-billable share"
    )
    trend: float = Field(0.15, ge=0, description="this quarter against the ones before")

    @model_validator(mode="after")
    def _some_weight(self) -> Weights:
        if sum(self.model_dump().values()) <= 0:
            raise ValueError("at least one weight must be above 0")
        return self


class Bands(BaseModel):
    """Health at or above each threshold earns the band; below `at_risk` is critical."""

    model_config = ConfigDict(extra="forbid")

    healthy: float = Field(70, ge=0, le=100, description="health at or above this is healthy")
    watch: float = Field(50, ge=0, le=100, description="... at or above this, watch")
    at_risk: float = Field(
        35, ge=0, le=100, description="... at or above this, at risk; below, critical"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Bands:
        if not self.healthy >= self.watch >= self.at_risk:
            raise ValueError("thresholds must satisfy healthy >= watch >= at_risk")
        return self


class Money(BaseModel):
    """The portfolio's currency, and how other currencies convert to it: amounts are never added
    across currencies unconverted."""

    model_config = ConfigDict(extra="forbid")

    currency: str = Field(
        "EUR", description="the portfolio's currency (3 letters)"
    )  # its validator says "3 letters, like EUR" (a length limit said "at most 3 characters")
    rates: dict[str, float] = Field(
        default_factory=dict,
        description="portfolio units per unit of each other currency, e.g. SEK = 0.0877",
    )
    target_rate: float | None = Field(
        None, gt=0, description="revenue per hour you aim for; default: the portfolio median"
    )
    cost_per_hour: float | None = Field(
        None,
        ge=0,
        description="loaded cost of an hour, for margin (hours with a cost amount keep it)",
    )
    payment_terms_days: int = Field(
        30, ge=0, le=366, description="an invoice exported without a due date falls due this late"
    )

    @field_validator("currency")
    @classmethod
    def _code(cls, value: str) -> str:
        code = value.strip().upper()
        if not (len(code) == 3 and code.isascii() and code.isalpha()):
            raise ValueError("a currency is 3 letters, like EUR")
        return code

    @field_validator("rates")
    @classmethod
    def _rates(cls, rates: dict[str, float]) -> dict[str, float]:
        """Every fault at once (a second bad rate went unsaid), and a currency given twice in two
        cases ({USD = 0.9, usd = 0.8}) refused rather than the later kept without a word."""
        out: dict[str, float] = {}
        faults: list[str] = []
        for key, rate in rates.items():
            code = key.strip().upper()
            if not (len(code) == 3 and code.isascii() and code.isalpha()):
                faults.append(f"{key!r} is not a 3-letter currency code")
            elif code in out:
                faults.append(f"{code} is given twice")
            elif not rate > 0:
                faults.append(f"{code}: a rate must be above 0 (got {rate:g})")
            out[code] = float(rate)
        if faults:
            raise ValueError("; ".join(faults))
        return out

    @model_validator(mode="after")
    def _not_its_own(self) -> Money:
        """A rate for the portfolio's own currency other than 1 was ignored without a word
        (EUR = 2 in a portfolio in EUR): one EUR is one EUR, so it says something else was meant.
        EUR = 1, a full rate table's own line, is simply true."""
        if self.rates.get(self.currency, 1.0) != 1.0:  # a full table's own line at 1 is harmless
            raise ValueError(
                f"rates: {self.currency} is the portfolio's own currency (one {self.currency} is "
                f"one {self.currency}): remove its rate, or set currency to the one you meant"
            )
        return self


class Rules(BaseModel):
    """Thresholds of the verdicts; each is quoted in the reasons it produces."""

    model_config = ConfigDict(extra="forbid")

    min_history_days: int = Field(90, ge=0, description="younger clients are 'new': watch only")
    exit_health_below: float = Field(55, ge=0, le=100, description="health this low counts as poor")
    exit_effort_below: float = Field(45, ge=0, le=100, description="effort/return this low is poor")
    min_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="share of the health weight that must have data for health to stand",
    )
    min_signals: int = Field(
        2,
        ge=0,
        description="things the client said (messages, feedback scores) in the window health "
        "needs to stand: one praise, one complaint or one score is a guess, not a health",
    )
    min_hours: float = Field(
        8,
        ge=0,
        description="hours in the last four quarters effort versus return needs to be weighed, "
        "and a client's rate to count towards the target rate: under a working day, a rate is "
        "one small job's",
    )
    dormant_quarters: int = Field(
        2,
        ge=1,
        le=4,
        description="full quarters without work, invoice or contact that make a client dormant",
    )


# A letter's signature until [agency] signer and name give it, in each of the letter's languages
# (review/letter.py WORDING); the letter screen says where one is still in a draft.
UNSIGNED = {
    "en": ("[Your name]", "[Your agency]"),
    "fr": ("[Votre nom]", "[Votre agence]"),
    "de": ("[Ihr Name]", "[Ihre Agentur]"),
}


class Agency(BaseModel):
    """Who you are, for the termination letter: its signature, and whose public holidays its end
    date avoids."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, description="your agency's name, under the letter's signature")
    signer: str | None = Field(None, description="who signs the letter")
    country: str | None = Field(
        None,
        description="country code (FR, GB, US...) whose public holidays an end date avoids; "
        "default: weekends, 1 January and 25 December only",
    )
    subdivision: str | None = Field(
        None, description="a region of that country with holidays of its own (US: NY, DE: BY...)"
    )
    language: Literal["en", "fr", "de"] = Field(
        "en",
        description="the termination letter's language: en (English), fr (French), de (German)",
    )
    timezone: str | None = Field(
        None,
        description="where the agency's clock is (America/Toronto, Europe/Paris): a time an "
        "export writes with its zone (2026-10-30T01:50:00Z) is read at it, so a message sent "
        "after hours is one; default: as written, the zone dropped",
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"no time zone {value!r}; use a name like America/Toronto or Europe/Paris"
            ) from None
        return value.strip()

    @model_validator(mode="after")
    def _known(self) -> Agency:
        if self.country is not None:
            self.country = self.country.strip().upper()
            if not known_country(self.country, self.subdivision):
                where = f"{self.country}-{self.subdivision}" if self.subdivision else self.country
                raise ValueError(
                    f"no public holidays known for {where!r}; use a code like FR or GB"
                )
        elif self.subdivision is not None:
            raise ValueError("subdivision needs a country")
        return self

    def signature(self) -> str:
        """The letter's last lines: the signer and the agency, or placeholders to fill in (in the
        letter's language)."""
        you, yours = UNSIGNED[self.language]
        return f"{self.signer or you}\n{self.name or yours}"


# Keys that moved into the scoring model's sections: an older settings file still reads.
MOVED = {
    ("rules", "friction_scale"): ("friction", "scale"),
    ("rules", "late_days_scale"): ("payment", "late_days_scale"),
    ("rules", "underpriced_rate_share"): ("archetypes", "underpriced_rate_share"),
}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the file's data with moved keys in their new place (the new place wins)."""
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in data.items()}
    for (old_section, old_key), (section, key) in MOVED.items():
        old = out.get(old_section)
        if isinstance(old, dict) and old_key in old:
            value = old.pop(old_key)
            target = out.setdefault(section, {})
            if isinstance(target, dict):
                target.setdefault(key, value)
    return out


Activity = Literal["delivery", "revision", "meeting", "support", "admin"]


def _words(default: list[str], description: str) -> Any:
    return Field(default_factory=lambda: list(default), description=description)


class Activities(BaseModel):
    """How entries imported from Harvest, Toggl, Clockify or a mapped spreadsheet get their activity.

    The word lists are looked for in an entry's Task, then its Tags; a word matches at the start of
    a word, in any case and without accents ("call" matches "Call", "calls" and "call-back" but not
    "recall"). Notes (Toggl's and Clockify's Description) are free text, where a lone word misfires
    ("Add support for Spotify" is not support work, "first calls to the API" no meeting), so only
    the `*_phrases` lists are looked for there, matched the same way. Task wins over Tags, Tags over
    notes; within a field the lists are tried in the order below. An entry nothing matches gets
    `default`; the import says how many did, and which words matched how many hours.
    """

    model_config = ConfigDict(extra="forbid")

    admin: list[str] = _words(
        [
            "internal",
            "admin",
            "accounting",
            "bookkeeping",
            "invoicing",
            "hiring",
            "training",
            "administratif",
            "comptabilité",
            "facturation",
            "recrutement",
            "formation",
            "verwaltung",
            "buchhaltung",
            "rechnungsstellung",
            "weiterbildung",
            "administrativo",
            "financeiro",
            "faturamento",
            "contabilidade",
            "administracion",
            "facturacion",
            "contabilidad",
        ],
        "Task/Tags words that make a NON-BILLABLE entry admin (billable ones never are)",
    )
    revision: list[str] = _words(
        [
            "revision",
            "revise",
            "rework",
            "changes",
            "amend",
            "correction",
            "modif",
            "retouche",
            "korrektur",
            "überarbeitung",
            "änderung",
            "nachbesserung",
            "revisao",
            "ajuste",
            "alteracao",
            "correcao",
            "correccion",
            "cambios",
        ],
        "Task/Tags words that make an entry revision",
    )
    support: list[str] = _words(
        [
            "support",
            "maintenance",
            "helpdesk",
            "hotfix",
            "bug",
            "dépannage",
            "correctif",
            "wartung",
            "fehlerbehebung",
            "störung",
            "suporte",
            "manutencao",
            "soporte",
            "mantenimiento",
        ],
        "Task/Tags words that make an entry support",
    )
    meeting: list[str] = _words(
        # not "appel" nor "visio" alone: "appel d'offres" is a tender, "visionnage" a viewing
        [
            "meeting",
            "call",
            "standup",
            "stand-up",
            "workshop",
            "kickoff",
            "kick-off",
            "réunion",
            "rendez-vous",
            "rdv",
            "visioconférence",
            "appel client",
            "appel téléphonique",
            "point téléphonique",
            "point client",
            "point hebdo",
            "besprechung",
            "kundentermin",
            "telefonat",
            "abstimmungstermin",
            "reuniao",
            "alinhamento",
            "chamada",
            "llamada",
        ],
        "Task/Tags words that make an entry meeting",
    )
    admin_phrases: list[str] = _words(
        [
            "internal admin",
            "invoicing",
            "bookkeeping",
            "timesheets",
            "hiring",
            "recruiting",
            "facturation",
            "comptabilité",
            "recrutement",
        ],
        "phrases in the notes that make a NON-BILLABLE entry admin",
    )
    revision_phrases: list[str] = _words(
        ["client changes", "changes requested", "requested changes", "change request",
         "round of changes", "revision round", "feedback round", "rework", "redo",
         "demande de modification", "modifications demandées", "retours client"],
        "phrases in the notes that make an entry revision",
    )  # fmt: skip
    support_phrases: list[str] = _words(
        ["bug fix", "bugfix", "fix bug", "fixed a bug", "hotfix", "support ticket",
         "support request", "helpdesk ticket", "site down", "outage", "correction de bug",
         "site en panne"],
        "phrases in the notes that make an entry support",
    )  # fmt: skip
    meeting_phrases: list[str] = _words(
        ["call with", "meeting with", "client call", "client meeting", "video call",
         "phone call", "standup", "stand-up", "kickoff", "kick-off", "réunion client",
         "appel client", "point téléphonique", "point client", "rendez-vous client"],
        "phrases in the notes that make an entry meeting",
    )  # fmt: skip
    default: Activity = Field("delivery", description="activity of an entry nothing matches")

    @field_validator(
        "admin",
        "revision",
        "support",
        "meeting",
        "admin_phrases",
        "revision_phrases",
        "support_phrases",
        "meeting_phrases",
    )
    @classmethod
    def _real_words(cls, words: list[str]) -> list[str]:
        cleaned = [w.strip() for w in words]
        if any(not any(ch.isalnum() for ch in w) for w in cleaned):
            raise ValueError("every word needs a letter or digit")
        return cleaned


CsvStyle = Literal["plain", "excel", "excel-eu"]


class Csv(BaseModel):
    """How the CSV files (`score --format csv`, the report's .csv) are written, for the program
    that opens them: a CSV read by Excel without a byte-order mark shows "MÃ¼ller" for "Müller",
    and Excel set up for French or German reads "121.77" as text (or a date) and a comma-separated
    file as one column."""

    model_config = ConfigDict(extra="forbid")

    style: CsvStyle = Field(
        "plain",
        description="plain: UTF-8, commas, decimal points (Google Sheets, Numbers, LibreOffice, "
        "other programs); excel: the same with a byte-order mark, so Excel reads accents and €; "
        "excel-eu: for Excel in French, German, Spanish...: also semicolons and decimal commas",
    )


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: Weights = Weights()
    bands: Bands = Bands()
    money: Money = Money()
    rules: Rules = Rules()
    window: Window = Window()
    satisfaction: Satisfaction = Satisfaction()
    friction: Friction = Friction()
    payment: Payment = Payment()
    scope: Scope = Scope()
    trend: Trend = Trend()
    effort: Effort = Effort()
    archetypes: Archetypes = Archetypes()
    counter_signals: CounterSignals = CounterSignals()
    hard_times: HardTimes = HardTimes()
    activities: Activities = Activities()
    agency: Agency = Agency()
    csv: Csv = Csv()

    @model_validator(mode="before")
    @classmethod
    def _moved_keys(cls, data: Any) -> Any:
        return migrate(data) if isinstance(data, dict) else data


def _format_error(path: Path, err: ValidationError) -> str:
    lines = [f"{path}: {plural(err.error_count(), 'bad setting')}:"]
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(file)"
        lines.append(f"  {where}: {_explain(e)}")
    return "\n".join(lines)


_NUMBER = {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}


def _explain(e: Any) -> str:
    """A settings fault in the owner's words: pydantic's ("Extra inputs are not permitted", "unable
    to parse string as a number") said neither what was wrong nor how to put it right."""
    loc, kind, got = [str(p) for p in e["loc"]], e["type"], e.get("input")
    sections = Settings.model_fields
    if kind == "extra_forbidden" and len(loc) == 1:
        home = [s for s, f in sections.items() if loc[0] in f.annotation.model_fields]  # type: ignore[union-attr]
        if home:
            return f"a setting of [{home[0]}]: write it under that heading ({home[0]}.{loc[0]})"
        return f"no such section; the sections are {', '.join(f'[{s}]' for s in sections)}"
    if kind == "extra_forbidden" and len(loc) == 2 and loc[0] in sections:
        known = list(sections[loc[0]].annotation.model_fields)  # type: ignore[union-attr]
        near = get_close_matches(loc[1], known, n=1)
        hint = f"did you mean {near[0]}?" if near else f"[{loc[0]}] has {', '.join(known)}"
        return f"no such setting; {hint}"
    if kind in _NUMBER:
        return f"should be a number (got {got!r})"
    if kind in ("bool_parsing", "bool_type"):
        return f"should be true or false (got {got!r})"
    msg = e["msg"].removeprefix("Value error, ")
    if msg[1:2].islower():  # "String should…" reads on after the colon; "USD: …" stays as it is
        msg = msg[:1].lower() + msg[1:]
    # a whole section's fault (two settings that disagree) says its own figures
    return msg if "(got" in msg or isinstance(got, dict) else f"{msg} (got {got!r})"


def _twice_hint(exc: Exception) -> str:
    """What to do about a table given twice: the file `config --write` makes has `rates = {}`
    under [money], and the advice to add a [money.rates] table (followed) made every command stop
    on "Cannot declare ('money', 'rates') twice" (a freelancer's hunt)."""
    found = re.search(r"Cannot declare \('(\w+)', '(\w+)'\) twice", str(exc))
    if found is None:
        return ""
    section, key = found.groups()
    return (
        f". [{section}.{key}] is given twice: as `{key} = ...` under [{section}] and as a "
        f"[{section}.{key}] table. Keep one: delete the `{key} = {{}}` line under [{section}], or "
        f"write the values in it, `{key} = {{ USD = 1.39 }}`."
    )


def load_settings(path: Path | None) -> tuple[Settings, dict[str, str]]:
    """Read the TOML at `path` (absent file = defaults); returns settings and where each came from."""
    data: dict[str, Any] = {}
    if path is not None and path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}{_twice_hint(exc)}") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    data = migrate(data)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_error(path or Path("config"), exc)) from None
    sources: dict[str, str] = {}
    for section, model in settings:
        given = data.get(section, {}) if isinstance(data.get(section), dict) else {}
        for key in type(model).model_fields:
            sources[f"{section}.{key}"] = str(path) if key in given else "default"
    return settings, sources


def describe(settings: Settings, sources: dict[str, str], width: int | None = None) -> str:
    """The settings in force, one per line, with where each came from and what it means: a
    settings file that reads back as these settings (it said `True` and wrote a pattern's
    backslashes unescaped). On a terminal (`width`) what does not fit a line is wrapped between
    words (`_commented`): the terminal broke the comments mid-word."""
    out: list[str] = []
    for section, model in settings:
        out.append(f"[{section}]")
        for key, field in type(model).model_fields.items():
            value = getattr(model, key)
            shown = toml_value(value)
            if value is None:
                key_text, shown = (
                    f"# {key}",
                    "(portfolio median)" if key == "target_rate" else "(not set)",
                )
            else:
                key_text = key
            origin = sources[f"{section}.{key}"]
            comment = f"{origin}: {field.description or ''}".rstrip(": ")
            out += _commented(key_text, shown, comment, width)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


SETTINGS_HEAD = (
    "# health-tui settings, written by `health-tui config --write`. Every key is optional: change\n"
    "# a value and save, or delete its line to go back to its default, which the comment says.\n"
)


def settings_file(settings: Settings, width: int = 100) -> str:
    """`settings` as a file to edit (`config --write`): every key with its value and what it
    means, each comment saying the default ("default: ..." where the value is it, "default 0.35:
    ..." where it is not), wrapped to `width` whatever the terminal."""
    defaults = Settings()
    sources: dict[str, str] = {}
    for section, model in settings:
        default_model = getattr(defaults, section)
        for key in type(model).model_fields:
            default = getattr(default_model, key)
            same = getattr(model, key) == default
            sources[f"{section}.{key}"] = (
                "default"
                if same
                else f"default {'not set' if default is None else toml_value(default)}"
            )
    return f"{SETTINGS_HEAD}\n{describe(settings, sources, width)}"


def toml_value(value: object) -> str:
    """`value` as TOML writes it: true and false, strings quoted with their escapes (JSON's
    escapes are TOML's), lists and inline tables of such values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table: { SEK = 0.0877 }
        pairs = ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if value else "{}"
    if isinstance(value, Enum):
        return toml_value(value.value)
    return str(value)


def _toml_key(key: object) -> str:
    text = str(key)
    return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else json.dumps(text, ensure_ascii=False)


def _commented(key: str, value: str, comment: str, width: int | None) -> list[str]:
    """`key = value  # comment` on one line where it fits `width` cells (always, without a width);
    on a terminal, else, the comment wrapped under its own '# ', or, where the value leaves it
    under 20 cells, on lines of its own above the setting, and a value too long for a line
    broken after its commas under an indent."""
    setting = f"{key:<24} = {value:<18} "
    line = f"{setting}# {comment}"
    if width is None or cell_len(line) <= width:
        return [line]
    room = width - cell_len(setting) - 2
    if room >= 20:
        first, *rest = wrap_cells(comment, room, room)
        indent = " " * cell_len(setting)
        return [f"{setting}# {first}", *(f"{indent}# {part}" for part in rest)]
    above = [f"# {part}" for part in wrap_cells(comment, width - 2, width - 2)]
    first, *rest = fill_clauses(f"{key} = {value}", width, width - 4)  # a list: after its commas
    return [*above, first, *(f"    {line}" for line in rest)]
