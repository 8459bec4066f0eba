"""gdlib.data (being written)."""
