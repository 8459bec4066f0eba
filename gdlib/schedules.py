"""gdlib.schedules (being written)."""
