"""gdlib.optim (being written)."""
