"""Screens: portfolio (home), client, effort map, and the small modal ones (keys, quarter)."""
