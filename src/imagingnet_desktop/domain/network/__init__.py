"""domain: network."""
