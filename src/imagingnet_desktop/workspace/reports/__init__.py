"""workspace: reports."""
