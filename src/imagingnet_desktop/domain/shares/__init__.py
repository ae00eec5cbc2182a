"""domain: shares."""
