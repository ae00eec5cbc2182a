"""ui: network."""
