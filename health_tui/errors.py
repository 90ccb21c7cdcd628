"""The app's own errors: each carries a message a user can act on, shown without a traceback."""

from __future__ import annotations


class HealthTuiError(Exception):
    """Base for every error the command line turns into one line and an exit status."""

    exit_code: int = 1


class StoreError(HealthTuiError):
    """The database could not be opened or used as it is."""


class StoreLocked(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreUnwritable(StoreError):
    pass


class ImportFailed(HealthTuiError):
    """The import was refused whole; the database is as it was. `problems` lists every one found."""

    exit_code = 2
    problems: list = []  # noqa: RUF012 - replaced per instance by the importer


class ConfigError(HealthTuiError):
    exit_code = 2


class WouldOverwrite(HealthTuiError):
    """A file already there would be written over (a report, an export); nothing was written."""

    exit_code = 2
