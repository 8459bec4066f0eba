"""gdlib.init (being written)."""
