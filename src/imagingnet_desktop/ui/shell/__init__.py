"""ui: shell."""
