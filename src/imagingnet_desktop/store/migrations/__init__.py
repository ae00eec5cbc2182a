"""store: migrations."""
