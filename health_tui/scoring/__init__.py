"""Scoring: facts from SQL, measures and verdicts in pure Python, pydantic records out. No UI here."""
