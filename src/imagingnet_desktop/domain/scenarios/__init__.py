"""domain: scenarios."""
