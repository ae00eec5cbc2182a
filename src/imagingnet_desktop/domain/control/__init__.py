"""domain: control — board positions and rotation, reserved matters and their rules, the business plan cycle,
monitoring groups and KPIs. Pure rules and frozen dataclasses; partners by id; voting through domain.voting."""
