"""ui: common."""
