"""Web domains that name no client: shared by the command line's `clients domain` and the folder
import's `domain` column, so both refuse the same ones."""

from __future__ import annotations

# Domains anyone can write from: never one client's. The largest providers, not a full list.
MAILBOX_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.fr", "live.com",
        "live.fr", "msn.com", "yahoo.com", "yahoo.fr", "ymail.com", "icloud.com", "me.com",
        "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.fr",
        "gmx.net", "web.de", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net",
        "mail.com", "zoho.com", "yandex.com", "fastmail.com",
    }
)  # fmt: skip
