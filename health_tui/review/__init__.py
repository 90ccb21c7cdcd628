"""The owner's review: decisions, the exit checklist and the termination letter. Store-backed, no UI.

Every function that records something commits it before returning, so what a screen shows as saved
survives the process being killed a moment later.
"""
