"""The owner's hand on the client list: find a client by id or name, see where its rows came from,
merge two clients into one, give one another name or its web domain, mark one "not a client". No UI
here: the command line and the app both call these.

What is recorded here lives in the owner's tables (client_facts, client_aliases): no import ever
writes them, so they survive every re-import. Every change is committed before the function returns.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Literal, NamedTuple

import duckdb
from pydantic import BaseModel, ConfigDict

from health_tui.domains import MAILBOX_DOMAINS
from health_tui.errors import HealthTuiError
from health_tui.formatting import plural
from health_tui.store import Store
from health_tui.store.tables import move_clients
from health_tui.text import safe_text

Fact = Literal[
    "started_on", "ended_on", "notice_days", "referred_by", "industry", "domain", "ignored"
]  # fmt: skip


class ClientNotFound(HealthTuiError):
    """No client, or more than one, answers to what the owner typed."""

    exit_code = 2


class FactRefused(HealthTuiError):
    """A correction the owner typed cannot be recorded as it is; the message says what would be."""

    exit_code = 2


class ClientRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    ignored: bool = False

    def __str__(self) -> str:
        return f"{safe_text(self.name)} ({self.client_id})"


class SourceRows(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    n: int


class ClientListing(BaseModel):
    """One line of `health-tui clients`: the client, who made it, its rows by source, its aliases."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    made_by: str
    started_on: object
    ended_on: object | None
    ignored: bool
    sources: list[SourceRows]
    total_rows: int
    alias_names: list[str]
    merged_ids: list[str]
    domain: str | None = None


def find_client(
    store: Store, text: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> ClientRef:
    """The one client `text` names: an id, a name or an alias (case, accents and spacing aside).

    A name several clients answer to is refused listing them; one none answers to is refused with
    the nearest names."""
    wanted = text.strip()
    rows = store.rows("client_find", {"text": wanted}, con=con)
    exact = [ClientRef(client_id=i, name=n, ignored=g) for i, n, g, _ in rows if i == wanted]
    if exact:
        return exact[0]
    # an id in another case answers only when no id, name or alias does
    strong = [r for r in rows if not r[3]]
    found = [ClientRef(client_id=i, name=n, ignored=g) for i, n, g, _ in strong or rows]
    if len(found) == 1:
        return found[0]
    if found:
        listed = "; ".join(str(c) for c in found)
        raise ClientNotFound(
            f"{wanted!r} matches {len(found)} clients: {listed}. Give the client_id instead."
        )
    near = _nearest(wanted, store.rows("client_names_all", con=con))
    hint = (
        " Did you mean " + " or ".join(f"{safe_text(n)!r} ({i})" for i, n in near) + "?"
        if near
        else " `health-tui clients` lists them."
    )
    raise ClientNotFound(f"no client {wanted!r}.{hint}")


def _nearest(text: str, clients: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Up to three clients whose name or id looks like `text`: containing it, else close to it
    word by word (a typo), compared in lower case."""
    key = " ".join(text.lower().split())
    if not key:
        return []
    hits = [(i, n) for i, n in clients if key in n.lower() or key in i.lower()]
    if not hits:

        def closeness(item: tuple[str, str]) -> float:
            words = [item[0].lower(), *item[1].lower().split(), item[1].lower()]
            return max(difflib.SequenceMatcher(None, key, w).ratio() for w in words)

        scored = sorted(((closeness(c), c) for c in clients), key=lambda x: -x[0])
        hits = [c for score, c in scored if score >= 0.75]
    return hits[:3]


def list_clients(store: Store, *, include_ignored: bool = False) -> list[ClientListing]:
    """Every client (those marked "not a client" only when asked), by name."""
    return [
        ClientListing.model_validate(row)
        for row in store.dicts("clients_listing", {"all": include_ignored})
    ]


class Merged(NamedTuple):
    """What a merge did: the client kept, the one merged into it, what of the merged one's status
    was left behind (in words), and per source the merged client's entries that the kept one has
    too (source, entries, their hours): one piece of work counted twice, where the tracker renamed
    the client, until its export comes again (`merge_note`)."""

    kept: ClientRef
    merged: ClientRef
    left: list[str]
    twice: list[tuple[str, int, float]]


def merge_clients(
    store: Store,
    keep: str,
    other: str,
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> Merged:
    """Make OTHER part of KEEP: every row, decision, checklist step, letter, fact and alias of OTHER
    moves to KEEP (KEEP's own win where both have one), OTHER's name becomes an alias of KEEP (so
    later exports under it land on KEEP) and its id too (so a folder listing it does). OTHER's own
    status ("not a client", an end date) stays behind: KEEP is scored as it was. Returns what it
    did (`Merged`). A merge cannot be undone."""
    kept, merged = find_client(store, keep, con=con), find_client(store, other, con=con)
    if kept.client_id == merged.client_id:

        def key(text: str) -> str | None:  # as names are compared: case and spacing aside
            return store.row("client_alias_key", {"alias": text}, con=con)[0]

        if key(other) not in (key(kept.client_id), key(kept.name)):  # found through an alias
            raise ClientNotFound(f"{other!r} was merged into {kept} already.")
        raise ClientNotFound(f"{kept} and {merged} are the same client.")
    with store.transaction(con) as tx:
        dropped = store.rows("client_merge_drop_status", {"old_id": merged.client_id}, con=tx)
        ids = {"old_id": merged.client_id, "new_id": kept.client_id}
        twice = store.rows("client_merge_same_work", ids, con=tx)
        store.run("client_moves_create", ids, con=tx)
        move_clients(store, tx)
        for kind, alias in (("name", merged.name), ("id", merged.client_id)):
            params = {"kind": kind, "alias": alias, "client_id": kept.client_id, "created_at": at}
            store.run("client_alias_add", params, con=tx)
    left = [
        "marked not a client" if fact == "ignored" else
        (f"ended {value}" if value else "no end date")
        for fact, value in sorted(dropped) if fact != "ignored" or value == "true"
    ]  # fmt: skip
    return Merged(kept, merged, left, [(s, int(n), float(h)) for s, n, h in twice])


def merge_note(done: Merged) -> str | None:
    """What a merge leaves to do, in words: the entries of the merged client that the kept one
    has too (the same work from the same source) count twice, where the tracker renamed the
    client, until its export is imported again (its entries then replace both); None when there
    are none."""
    if not done.twice:
        return None
    parts = [
        f"{plural(n, 'entry', 'entries')} from {source} ({h:,.2f} h)" for source, n, h in done.twice
    ]
    n = sum(n for _, n, _ in done.twice)
    return (
        f"{' and '.join(parts)} {'was' if n == 1 else 'were'} imported under both names, "
        f"{safe_text(done.merged.name)} and {safe_text(done.kept.name)}: the same work, if the "
        "tracker renamed the client, counted twice. If it did, import that export again: each "
        "then counts once."
    )


def add_alias(
    store: Store,
    client: str,
    alias: str,
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ClientRef:
    """Let imports find `client` under another name; a name another client goes by is refused."""
    ref = find_client(store, client, con=con)
    alias = " ".join(safe_text(alias).split())
    if not alias or store.row("client_alias_key", {"alias": alias}, con=con)[0] is None:
        # (a zero-width space alone is no Python space, and its key is empty)
        raise ClientNotFound("an alias needs at least one letter or digit.")
    for owner, how in store.rows("client_alias_owner", {"alias": alias}, con=con):
        if owner != ref.client_id:
            raise ClientNotFound(
                f"{alias!r} is already the {how} of client {owner}; merge the two clients instead "
                f"(health-tui clients merge {ref.client_id} {owner})."
            )
    with store.transaction(con) as tx:
        params = {"kind": "name", "alias": alias, "client_id": ref.client_id, "created_at": at}
        store.run("client_alias_add", params, con=tx)
    return ref


def set_fact(
    store: Store,
    client_id: str,
    fact: Fact,
    value: str | None,
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> None:
    """Record the owner's value of one fact (it wins over imports), committed before returning."""
    params = {"client_id": client_id, "fact": fact, "value": value, "recorded_at": at}
    with store.transaction(con) as tx:
        store.run("client_fact_set", params, con=tx)


def clear_fact(
    store: Store, client_id: str, fact: Fact, *, con: duckdb.DuckDBPyConnection | None = None
) -> None:
    """Take the owner's value back: the imported one shows again."""
    with store.transaction(con) as tx:
        store.run("client_fact_clear", {"client_id": client_id, "fact": fact}, con=tx)


def set_ignored(
    store: Store,
    client: str,
    ignored: bool,
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ClientRef:
    """Mark a client "not a client" (the agency's own time; kept, never scored) or undo it."""
    ref = find_client(store, client, con=con)
    if ignored:
        set_fact(store, ref.client_id, "ignored", "true", at=at, con=con)
    else:
        clear_fact(store, ref.client_id, "ignored", con=con)
    return ref


def ignored_clients(
    store: Store, *, con: duckdb.DuckDBPyConnection | None = None
) -> list[ClientRef]:
    """The clients marked "not a client", by name: the way back once they have left every list."""
    rows = store.rows("clients_ignored", con=con)
    return [ClientRef(client_id=i, name=n, ignored=True) for i, n in rows]


_DOMAIN = re.compile(r"([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")


def domain_of(text: str) -> str:
    """The web domain in what the owner typed, as imports compare it: 'acme.com' from 'acme.com',
    'www.Acme.com', 'https://acme.com/about' or 'dana@acme.com'; refused when there is none."""
    value = text.strip().lower()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value).split("/", 1)[0].split("@")[-1]
    value = value.removeprefix("www.").rstrip(".")
    if not _DOMAIN.fullmatch(value):
        raise ClientNotFound(f"{text!r} is not a web domain (like acme.com).")
    if value in MAILBOX_DOMAINS:
        raise ClientNotFound(
            f"{value} is a mailbox provider's domain: every ticket and survey answer from anyone "
            "writing from it would land on this client. Give the client's own domain, or alias the "
            'organization name its tickets carry (`health-tui clients alias CLIENT "NAME"`).'
        )
    return value


def set_domain(store: Store, client: str, domain: str, *, at: datetime) -> tuple[ClientRef, str]:
    """Give a client its web domain (the owner's fact 'domain', winning over a folder's): helpdesk
    tickets and survey answers whose requester writes from it land on the client. A domain another
    client has is refused."""
    ref = find_client(store, client)
    value = domain_of(domain)
    for (owner,) in store.rows("client_domain_owner", {"domain": value}):
        if owner != ref.client_id:
            raise ClientNotFound(
                f"{value} is already the domain of client {owner}; take it from that client first "
                f"(health-tui clients domain {owner} --clear)."
            )
    set_fact(store, ref.client_id, "domain", value, at=at)
    return ref, value


def set_start(store: Store, client: str, day: str, *, at: datetime) -> tuple[ClientRef, date]:
    """The day a client began, as the owner knows it (the owner's fact 'started_on', winning over
    the first day an export shows): the letter's "since" and the rules that weigh how long a
    client has been one read it. A day after work on record is taken (work often comes before the
    contract); one still to come, or after the client ended, is refused, as the correct form
    refuses it."""
    ref = find_client(store, client)
    plan = [Correction(fact="started_on", value=day)]
    return ref, correct_client(store, ref.client_id, plan, at=at).started_on


def clear_domain(store: Store, client: str) -> ClientRef:
    """Take back the domain the owner gave a client: the folder's, if any, shows again."""
    ref = find_client(store, client)
    clear_fact(store, ref.client_id, "domain")
    return ref


# -- correcting a client from the app ---------------------------------------------------------------

Editable = Literal["notice_days", "started_on", "ended_on", "referred_by", "industry", "domain"]
EDITABLE: tuple[Editable, ...] = (
    "notice_days", "started_on", "ended_on", "referred_by", "industry", "domain",
)  # fmt: skip
MAX_NOTICE_DAYS = 3650


class ClientProfile(BaseModel):
    """A client's correctable facts as imports gave them and as the owner recorded them: what the
    correction form shows, so it can say which value is whose."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    name: str
    started_on: date
    start_known: bool = True  # False: started_on is only the first day on record
    imported: dict[str, str | None]
    owner: dict[str, str | None]
    referrer_name: str | None = None

    def value(self, fact: str) -> str | None:
        """The value in force: the owner's when they recorded one, else the import's."""
        return self.owner[fact] if fact in self.owner else self.imported.get(fact)

    @property
    def ignored(self) -> bool:
        return self.owner.get("ignored") == "true"


class Correction(BaseModel):
    """One change to a client's facts: set the owner's value (None: "none"), or clear it so the
    imported value shows again."""

    model_config = ConfigDict(frozen=True)

    fact: Fact
    value: str | None = None
    clear: bool = False


def client_profile(
    store: Store, client_id: str, *, con: duckdb.DuckDBPyConnection | None = None
) -> ClientProfile:
    rows = store.dicts("client_profile", {"client_id": client_id}, con=con)
    if not rows:
        raise ClientNotFound(f"no client with id {client_id!r}.")
    row = rows[0]
    imported = {fact: row[f"imported_{fact}"] for fact in EDITABLE}
    imported["notice_days"] = str(row["imported_notice_days"])
    owner = dict(store.rows("client_facts_of", {"client_id": client_id}, con=con))
    return ClientProfile(client_id=client_id, name=row["name"], started_on=row["started_on"],
                         start_known=row["start_known"], imported=imported, owner=owner,
                         referrer_name=row["referrer_name"])  # fmt: skip


def plan_corrections(
    profile: ClientProfile, typed: dict[Editable, str], ignored: bool
) -> list[Correction]:
    """What the form's fields ask for, against what is in force: a field left as it was changes
    nothing; one typed back to the imported value hands it back to imports (its owner's value is
    cleared); an empty notice period does the same; anything else is the owner's new value (an
    empty referrer, industry or domain means "none", whatever imports say). A fact not in `typed`
    is left alone."""
    plan: list[Correction] = []
    for fact in EDITABLE:
        if fact not in typed:
            continue
        text = " ".join(safe_text(typed[fact]).split()) or None
        if text == profile.value(fact):
            if fact == "started_on" and text and not profile.start_known:
                # the first day on record, confirmed as the day they began (most new clients
                # did: the reviewer's find, nothing recorded and "on record since" kept)
                plan.append(Correction(fact=fact, value=text))
            continue
        # an empty notice or start is the imports'; a start typed is the owner's, even the
        # import's own day (a start is never "none")
        back_to_import = (fact != "started_on" and text == profile.imported.get(fact)) or (
            fact in ("notice_days", "started_on") and not text
        )
        if back_to_import:
            if fact in profile.owner:
                plan.append(Correction(fact=fact, clear=True))
        else:
            plan.append(Correction(fact=fact, value=text))
    if ignored != profile.ignored:
        plan.append(Correction(fact="ignored", value="true") if ignored
                    else Correction(fact="ignored", clear=True))  # fmt: skip
    return plan


def correct_client(
    store: Store,
    client_id: str,
    plan: list[Correction],
    *,
    at: datetime,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ClientProfile:
    """Apply the owner's corrections in one transaction (all or none) and return the client as it
    now reads. A notice period must be a whole number of days; a referrer is found as `find_client`
    finds any client (and is stored by id); a value equal to the imported one clears the owner's.
    The start and the end are checked as they will read together (both may be typed at once)."""
    profile = client_profile(store, client_id, con=con)
    checked: list[Correction] = []
    began, ended = profile.started_on, _day_or_none(profile.value("ended_on"))
    for c in plan:
        value = c.value
        if c.fact == "started_on":
            value = None if c.clear or value is None else _day(value, "started on", "2022-03-01")
            began = date.fromisoformat(value or profile.imported["started_on"] or "")
        elif c.fact == "ended_on" and not c.clear and value is not None:
            value = _day(value, "ended on", "2026-06-30")
        if c.fact == "ended_on":
            ended = _day_or_none(profile.imported["ended_on"] if c.clear else value)
        if not c.clear and c.fact == "notice_days":
            value = _notice_days(value)
        elif not c.clear and c.fact == "referred_by" and value is not None:
            referrer = find_client(store, value, con=con)
            if referrer.client_id == client_id:
                raise FactRefused(f"{safe_text(profile.name)} cannot have referred themselves.")
            value = referrer.client_id
        elif not c.clear and c.fact == "domain" and value is not None:
            value = _domain(store, client_id, value, con)
        if (
            not c.clear
            and c.fact in EDITABLE
            and c.fact != "started_on"
            and value == profile.imported.get(c.fact)
        ):
            checked.append(Correction(fact=c.fact, clear=True))
        else:
            checked.append(Correction(fact=c.fact, value=value, clear=c.clear))
    if any(c.fact == "started_on" and not c.clear for c in plan) and began > at.date():
        raise FactRefused(f"started on {began}: a day still to come (today is {at.date()}).")
    if ended is not None and ended < began:
        if not any(c.fact == "ended_on" for c in plan):  # the start typed, the end as it was
            raise FactRefused(f"started on {began}: after the client ended ({ended}).")
        raise FactRefused(f"ended on {ended}: before the client began ({began}).")
    with store.transaction(con) as tx:
        for c in checked:
            if c.clear:
                store.run("client_fact_clear", {"client_id": client_id, "fact": c.fact}, con=tx)
            else:
                params = {"client_id": client_id, "fact": c.fact, "value": c.value,
                          "recorded_at": at}  # fmt: skip
                store.run("client_fact_set", params, con=tx)
    return client_profile(store, client_id, con=con)


def _notice_days(value: str | None) -> str:
    try:
        days = int((value or "").strip())
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_NOTICE_DAYS:
        raise FactRefused(
            f"notice days {value!r}: a whole number of days from 0 to {MAX_NOTICE_DAYS}."
        )
    return str(days)


def _day(value: str, what: str, example: str) -> str:
    """A day the owner typed (the start or the end of the relationship), as ISO text."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise FactRefused(f"{what} {value!r}: a date like {example}.") from None


def _day_or_none(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _domain(store: Store, client_id: str, value: str, con: duckdb.DuckDBPyConnection | None) -> str:
    """The domain the owner typed, as `domain_of` reads it; one another client has is refused."""
    try:
        domain = domain_of(value)
    except ClientNotFound as e:
        raise FactRefused(str(e)) from None
    for (owner,) in store.rows("client_domain_owner", {"domain": domain}, con=con):
        if owner != client_id:
            raise FactRefused(f"{domain} is already the domain of client {owner}.")
    return domain
