"""store: tables."""
