"""gdlib.clip (being written)."""
