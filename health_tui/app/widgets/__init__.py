"""Widgets reused by the screens: the virtual client table, the effort map, bars and the header."""
