"""Pure rules and dataclasses. Imports only the standard library (numpy where a calculation needs it)."""
