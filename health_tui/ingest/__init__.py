"""Bringing an agency's own history in and out.

`native.import_folder` loads a folder of CSV or Parquet files (clients, time_entries, invoices,
interactions, feedback) after checking every row in SQL, all or nothing; `export.export_import_format`
writes the same format back out, so a folder round-trips. `connector.import_path` also takes one
CSV exported by Harvest or Toggl, or any CSV described by a mapping file (`mapping.py`), recognised
by its header (`detect.py`) and read the same way (`staging.py`).
"""
