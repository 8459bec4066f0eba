"""gdlib.plotting (being written)."""
