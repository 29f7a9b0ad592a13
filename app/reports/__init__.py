"""Figures about the shop's own work, computed from the customer memory (never on the GUI thread)."""
