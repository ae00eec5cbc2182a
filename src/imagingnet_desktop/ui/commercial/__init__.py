"""ui: commercial model."""
