"""workspace: shares votes."""
