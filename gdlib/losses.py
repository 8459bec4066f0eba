"""gdlib.losses (being written)."""
