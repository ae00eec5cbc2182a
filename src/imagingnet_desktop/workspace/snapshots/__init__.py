"""Snapshots of the workspace, what changed since one, and restoring one."""
