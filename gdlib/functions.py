"""gdlib.functions (being written)."""
