"""workspace: commercial model."""
