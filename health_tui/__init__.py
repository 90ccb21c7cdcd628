"""health-tui: client health and effort versus return for agencies, in the terminal."""

__version__ = "0.1.0"
