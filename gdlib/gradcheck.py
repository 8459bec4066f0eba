"""gdlib.gradcheck (being written)."""
