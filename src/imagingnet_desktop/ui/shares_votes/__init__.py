"""ui: shares votes."""
