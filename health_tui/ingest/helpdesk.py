"""Helpdesk ticket exports: Zendesk and Freshdesk. Each ticket is an interaction of the client whose
organization raised it (or whose web domain the requester's email has); no ticket ever makes a client.

A helpdesk is described here as data: which header holds what, and how its words (channels,
priorities, ticket types, tags, satisfaction ratings) become our channels, kinds and sentiments. One
query types both (`queries/helpdesk_tickets_parse.sql`), the shared pipeline does the rest.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

# Words in a ticket's tags that say what kind of contact it was, first found wins (each matches at
# the start of a tag word, so 'escalat' finds escalated and escalation).
TAG_KINDS: tuple[tuple[str, str], ...] = (
    ("escalat", "escalation"),
    ("complaint", "complaint"),
    ("revision", "revision_request"),
    ("rework", "revision_request"),
    ("scope", "scope_change"),
    ("change request", "scope_change"),
    ("change_request", "scope_change"),
    ("praise", "praise"),
    ("kudos", "praise"),
    ("compliment", "praise"),
    # last: a complaint tagged urgent stays a complaint; a rush tagged so with Priority High was a
    # routine request (12 of a rush client's 24)
    ("urgent", "urgent_request"),
    ("rush", "urgent_request"),
    ("asap", "urgent_request"),
)
# Our kinds, the most telling first, as the tags above rank them: a mapped log's cell of several
# tags is the first of these among them (a Zendesk "urgent, revision" and a mapped Help Scout's
# read alike: the mapping's own list put urgent before revision)
TELLING = (*dict.fromkeys(k for _, k in TAG_KINDS), "request", "other")
URGENT_PRIORITIES = ("urgent",)
COMPLAINT_TYPES = ("incident", "problem")


# Zendesk's Satisfaction Score for a ticket whose survey was sent and never answered: no tone (a
# mapped helpdesk's read so too, unless its mapping gives them a tone)
UNRATED = ("offered", "unoffered", "not offered")


def _params(
    name: str,
    channels: dict[str, str],
    ratings: dict[str, float],
    unrated: tuple[str, ...],
) -> dict[str, object]:
    return {
        "source_name": name,
        "channel_keys": list(channels),
        "channel_values": list(channels.values()),
        "default_channel": "email",
        "tag_words": [w for w, _ in TAG_KINDS],
        "tag_kinds": [k for _, k in TAG_KINDS],
        "urgent_priorities": list(URGENT_PRIORITIES),
        "complaint_types": list(COMPLAINT_TYPES),
        "rating_keys": list(ratings),
        "rating_values": list(ratings.values()),
        "unrated": list(unrated),
    }


# Admin Center > Account > Tools > Reports > Export > CSV export (the full ticket export; the header
# is Summation column, Id, Requester, Requester id, Requester external id, Requester email, Requester
# domain, Submitter, Assignee, Group, Subject, Tags, Status, Priority, Via, Ticket type, Created at,
# Updated at, Assigned at, Organization, Due date, Initially assigned at, Solved at, Resolution time,
# Satisfaction Score, then ticket metrics in minutes and custom fields). Tags are space-separated.
ZENDESK = Source(
    name="zendesk",
    label="Zendesk ticket export",
    target="interactions",
    fields={
        "ticket_id": ("Id", "ID", "Ticket ID"),
        "client": ("Organization",),
        "domain": ("Requester domain",),
        "email": ("Requester email",),
        "at": ("Created at",),
        "channel": ("Via",),
        "priority": ("Priority",),
        "ticket_type": ("Ticket type",),
        "tags": ("Tags",),
        "satisfaction": ("Satisfaction Score",),
        "note": ("Subject",),
    },
    required=("ticket_id", "at", "channel"),
    one_of=(("client",), ("domain",), ("email",)),
    parse="helpdesk_tickets_parse",
    ignored=(
        "Summation column",
        "Requester",
        "Requester id",
        "Requester external id",
        "Submitter",
        "Assignee",
        "Group",
        "Status",
        "Updated at",
        "Assigned at",
        "Due date",
        "Initially assigned at",
        "Solved at",
        "Resolution time",
        "Group stations",
        "Assignee stations",
        "Reopens",
        "Replies",
    ),
    ignored_prefixes=(
        "First reply time",
        "First resolution time",
        "Full resolution time",
        "Agent wait time",
        "Requester wait time",
        "On hold time",
    ),
    params=_params(
        "zendesk",
        {
            "mail": "email",
            "email": "email",
            "web form": "email",
            "web service": "email",
            "api": "email",
            "closed ticket": "email",
            "phone call (incoming)": "phone",
            "phone call (outgoing)": "phone",
            "voicemail": "phone",
            "phone": "phone",
            "chat": "chat",
            "messaging": "chat",
            "whatsapp": "chat",
            "twitter": "social",
            "facebook": "social",
            "instagram": "social",
            "sms": "sms",
            "text": "sms",
        },
        {"good": 1.0, "bad": -1.0},
        UNRATED,
    ),
)

# Tickets > Export (the tickets list view's export, with the ticket and contact fields picked):
# Ticket ID, Subject, Status, Priority, Source, Type, Agent, Group, Created time, Due by Time,
# Resolved time, Closed time, Last update time, Tags, Survey results, Full name, Email, Company Name,
# Company Domains (a ticket with no company is placed by them, else by the requester's email).
# Tags are comma-separated; survey results are Freshdesk's three smileys in words.
FRESHDESK = Source(
    name="freshdesk",
    label="Freshdesk ticket export",
    target="interactions",
    fields={
        "ticket_id": ("Ticket ID", "Ticket Id"),
        "client": ("Company Name", "Company"),
        "domain": ("Company Domains", "Company Domain"),  # the first, when it lists several
        "email": ("Email", "Contact Email"),
        "at": ("Created time", "Created Time"),
        "channel": ("Source",),
        "priority": ("Priority",),
        "ticket_type": ("Type",),
        "tags": ("Tags",),
        "satisfaction": ("Survey results", "Satisfaction survey", "Satisfaction rating"),
        "note": ("Subject",),
    },
    required=("ticket_id", "at", "channel"),
    one_of=(("client",), ("domain",), ("email",)),
    parse="helpdesk_tickets_parse",
    ignored=(
        "Description",
        "Association type",
        "Every response status",
        "Work phone",
        "Status",
        "Agent",
        "Group",
        "Due by Time",
        "Resolved time",
        "Closed time",
        "Last update time",
        "Last updated time",
        "Initial response time",
        "Time tracked",
        "First response time (in hrs)",
        "Resolution time (in hrs)",
        "Agent interactions",
        "Customer interactions",
        "Resolution status",
        "First response status",
        "Full name",
        "Contact ID",
        "Product",
        "Skill",
    ),
    params=_params(
        "freshdesk",
        {
            "email": "email",
            "portal": "email",
            "feedback widget": "email",
            "outbound email": "email",
            "forum": "social",
            "twitter": "social",
            "facebook": "social",
            "phone": "phone",
            "chat": "chat",
            "mobihelp": "chat",
            "whatsapp": "chat",
            "ecommerce": "email",
            "bot": "chat",
        },
        {
            "awesome": 1.0,
            "extremely satisfied": 1.0,
            "satisfied": 0.5,
            "just okay": 0.0,
            "neutral": 0.0,
            "not good": -1.0,
            "dissatisfied": -0.5,
            "extremely dissatisfied": -1.0,
        },
        ("",),
    ),
)
