"""workspace: network."""
