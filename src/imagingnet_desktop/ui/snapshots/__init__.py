"""Snapshots on screen: take one, see what changed since one (readable on the projector), restore one."""
