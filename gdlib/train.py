"""gdlib.train (being written)."""
