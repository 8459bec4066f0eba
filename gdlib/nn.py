"""gdlib.nn (being written)."""
