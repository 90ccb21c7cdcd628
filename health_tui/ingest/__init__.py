"""Bringing an agency's own history in and out: the folder format of `health-tui import`.

`native.import_folder` loads a folder of CSV or Parquet files (clients, time_entries, invoices,
interactions, feedback) after checking every row in SQL, all or nothing; `export.export_folder`
writes the same format back out, so a folder round-trips.
"""
