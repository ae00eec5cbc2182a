"""ui: the Control tab."""
