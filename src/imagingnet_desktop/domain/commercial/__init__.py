"""domain: commercial model."""
