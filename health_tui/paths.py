"""Where health-tui keeps its files: a flag beats the environment, which beats the platform default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "health-tui"
DB_ENV = "HEALTH_TUI_DB"
CONFIG_ENV = "HEALTH_TUI_CONFIG"


def default_data_dir() -> Path:
    """The platform's folder for health-tui's data: made on first run (any other is not)."""
    return user_data_path(APP)


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir() / "portfolio.duckdb"


def default_config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return user_config_path(APP) / "config.toml"
